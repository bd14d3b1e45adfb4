using System.Text.RegularExpressions;

namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary>
/// describe's event ages are computed by the client from its own clock: the real kubectl's is the wall clock, the
/// emulator's the (still) cluster clock. The Age column is blanked and the table's spacing collapsed; nothing else changes.
/// </summary>
public static partial class DescribeNormalizer
{
    public static string Normalize(string text)
    {
        var lines = text.Split('\n');
        var inEvents = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("Events:", StringComparison.Ordinal)) inEvents = lines[i].Trim() == "Events:";
            else if (inEvents && lines[i].StartsWith("  ", StringComparison.Ordinal))
            {
                var cells = Spaces().Split(lines[i].Trim());
                if (cells.Length >= 3 && cells[0] is "Normal" or "Warning") cells[2] = "<age>";
                lines[i] = "  " + string.Join(' ', cells);
            }
            else inEvents = false;
        }
        return string.Join('\n', lines);
    }

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();
}
