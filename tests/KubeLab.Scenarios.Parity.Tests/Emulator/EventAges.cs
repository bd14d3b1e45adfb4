using System.Text.RegularExpressions;

namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary>
/// kubectl describe computes event ages from the client's own clock: the real kubectl's clock runs on while
/// the twins' stands still. In the Events table only, ages (and the padding their width causes) are masked.
/// </summary>
public static partial class EventAges
{
    public static string Mask(string output)
    {
        var lines = output.Split('\n');
        var inEvents = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("Events:", StringComparison.Ordinal)) inEvents = true;
            else if (lines[i].Length > 0 && !lines[i].StartsWith(' ')) inEvents = false;
            else if (inEvents && Row().Match(lines[i]) is { Success: true } row)
                lines[i] = $"  {row.Groups[1].Value} {row.Groups[2].Value} AGE {Spaces().Replace(row.Groups[3].Value, " ")}";
        }
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"^  (Normal|Warning)\s+(\S+)\s+\S+\s+(.*)$")]
    private static partial Regex Row();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
