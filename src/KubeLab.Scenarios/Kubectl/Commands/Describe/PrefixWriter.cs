using System.Text;
using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>
/// kubectl describe's PrefixWriter over its <c>tabbedString</c> tab writer (Go's text/tabwriter with min width 0,
/// padding 2): each level indents by two spaces, cells are separated by tabs, control characters are escaped.
/// <c>rollout history --revision</c> writes a pod template through one with no tab writer behind it: tabs stay tabs.
/// </summary>
internal sealed class PrefixWriter
{
    private readonly StringBuilder output = new();
    private readonly TabWriter? writer;

    public PrefixWriter(bool tabbed = true) => writer = tabbed ? new TabWriter(output, minWidth: 0, padding: 2, rememberWidths: false) : null;

    public void Write(int level, string text) => Emit(CellText.Escape(new string(' ', level * 2) + text));

    /// <summary>fmt.Sprintln: the text and a newline.</summary>
    public void WriteLine(string text) => Emit(CellText.Escape(text + "\n"));

    public void Flush() => writer?.Flush();

    public override string ToString()
    {
        writer?.Flush();
        return output.ToString();
    }

    private void Emit(string text)
    {
        if (writer is null) output.Append(text);
        else writer.Write(text);
    }
}
