using System.Text.Json.Nodes;

namespace KubeLab.Scenarios.Kubectl.Output;

/// <summary>How one table cell reaches the terminal (cli-runtime's <c>printTable</c> and <c>WriteEscaped</c>).</summary>
public static class CellText
{
    public static string Format(JsonNode cell)
    {
        if (GoValue.Of(cell) is string text)
        {
            // A multi-line cell would break the table: kubectl keeps its first line and marks the cut.
            var cut = text.IndexOfAny(['\f', '\n', '\r']);
            return cut < 0 ? Escape(text) : Escape(text[..cut]) + "...";
        }
        return Escape(GoValue.Sprint(cell));
    }

    /// <summary>Terminal escapes are shown, not obeyed: ESC becomes <c>^[</c>, CR becomes <c>\r</c>.</summary>
    public static string Escape(string text) => text.Replace("\x1b", "^[").Replace("\r", "\\r");
}
