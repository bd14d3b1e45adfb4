using System.Text;

namespace KubeLab.Scenarios.Curl;

/// <summary>curl's own messages on stderr (tool_msgs.c).</summary>
internal static class CurlMessages
{
    private const string WarningPrefix = "Warning: ";
    private const int Width = 79 - 9;

    /// <summary>
    /// A warning, wrapped as curl wraps it: at most 70 characters after each <c>Warning: </c> prefix, cut
    /// after the last blank that fits (the blank stays at the end of the line).
    /// </summary>
    public static string Warning(string message)
    {
        var text = new StringBuilder();
        var rest = message + "\n";
        while (rest.Length > 0)
        {
            text.Append(WarningPrefix);
            if (rest.Length > Width)
            {
                var cut = Width - 1;
                while (cut > 0 && rest[cut] is not (' ' or '\t')) cut--;
                if (cut == 0) cut = Width - 1;
                text.Append(rest, 0, cut + 1).Append('\n');
                rest = rest[(cut + 1)..];
            }
            else
            {
                text.Append(rest);
                rest = "";
            }
        }
        return text.ToString();
    }

    public static string Note(string message) => $"Note: {message}\n";
}
