using System.Text;
using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Kubectl.Commands.Describe;

/// <summary>
/// kubectl describe's PrefixWriter over its <c>tabbedString</c> tab writer (Go's text/tabwriter with min width 0,
/// padding 2): each level indents by two spaces, cells are separated by tabs, control characters are escaped.
/// </summary>
internal sealed class PrefixWriter
{
    private readonly StringBuilder output = new();
    private readonly TabWriter writer;

    public PrefixWriter() => writer = new TabWriter(output, minWidth: 0, padding: 2, rememberWidths: false);

    public void Write(int level, string text) => writer.Write(CellText.Escape(new string(' ', level * 2) + text));

    /// <summary>fmt.Sprintln: the text and a newline.</summary>
    public void WriteLine(string text) => writer.Write(CellText.Escape(text + "\n"));

    public void Flush() => writer.Flush();

    public override string ToString()
    {
        writer.Flush();
        return output.ToString();
    }
}
