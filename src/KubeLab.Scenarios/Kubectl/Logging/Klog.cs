using System.Globalization;
using System.Text;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Kubectl.Logging;

/// <summary>
/// kubectl's klog text output on stderr, for <c>-v=N</c>: <c>I1121 09:46:53.842033   29692 file.go:123] "Message" key="value"</c>.
/// The time comes from the cluster's clock and the process id from the environment, so lessons replay identically.
/// </summary>
internal sealed class Klog(CommandOutput output, TimeProvider clock, int processId, int verbosity)
{
    public int Verbosity => verbosity;

    public bool V(int level) => verbosity >= level;

    /// <summary>A structured line: the message quoted, then <c>key=value</c> pairs.</summary>
    public void Info(string location, string message, params (string Key, object? Value)[] values) =>
        Write('I', location, Structured(message, values));

    public void Error(string location, string message, params (string Key, object? Value)[] values) =>
        Write('E', location, Structured(message, values));

    /// <summary>A printf-style line, written as is (<c>Config loaded from file:  /path</c>).</summary>
    public void Plain(string location, string text) => Write('I', location, text);

    private void Write(char severity, string location, string text)
    {
        var now = clock.GetUtcNow();
        var line = new StringBuilder();
        line.Append(severity)
            .Append(now.ToString("MMdd HH:mm:ss.ffffff", CultureInfo.InvariantCulture))
            .Append(' ')
            .Append(processId.ToString(CultureInfo.InvariantCulture).PadLeft(7))
            .Append(' ')
            .Append(location)
            .Append("] ")
            .Append(text);
        // As klog does: a message that ends with a newline gets no second one.
        if (!text.EndsWith('\n')) line.Append('\n');
        output.Error(line.ToString());
    }

    private static string Structured(string message, (string Key, object? Value)[] values)
    {
        var text = new StringBuilder(GoValue.Quote(message));
        foreach (var (key, value) in values)
        {
            text.Append(' ').Append(key).Append('=');
            switch (value)
            {
                case string s: WriteString(text, s); break;
                case long or int: text.Append(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
                case bool b: text.Append(b ? "true" : "false"); break;
                case null: text.Append("null"); break;
                default: WriteString(text, value.ToString() ?? ""); break;
            }
        }
        return text.ToString();
    }

    /// <summary>klog's <c>writeStringValue</c>: quoted, or a block of tab-indented lines closed by <c> &gt;</c>.</summary>
    private static void WriteString(StringBuilder text, string value)
    {
        var index = value.IndexOf('\n');
        if (index < 0)
        {
            text.Append(GoValue.Quote(value));
            return;
        }
        text.Append("<\n");
        var rest = value.AsSpan();
        while (index >= 0)
        {
            text.Append('\t').Append(rest[..(index + 1)]);
            rest = rest[(index + 1)..];
            index = rest.IndexOf('\n');
        }
        if (rest.IsEmpty) text.Append(" >");
        else text.Append('\t').Append(rest).Append("\n >");
    }
}
