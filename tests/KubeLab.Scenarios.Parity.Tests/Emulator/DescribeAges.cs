using System.Text.RegularExpressions;

namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary>
/// Ages describe computes from the client's clock, which runs on for the real kubectl while the twins' stands still:
/// those in the Events table (<see cref="EventAges"/>) and the Age column of a node's pods are masked, with the
/// padding their width causes.
/// </summary>
public static partial class DescribeAges
{
    public static string Mask(string output)
    {
        var lines = EventAges.Mask(output).Split('\n');
        var inPods = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("Non-terminated Pods:", StringComparison.Ordinal)) inPods = true;
            else if (lines[i].Length > 0 && !lines[i].StartsWith(' ')) inPods = false;
            else if (inPods) lines[i] = LastWord().Replace(Spaces().Replace(lines[i], " "), " AGE");
        }
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@" \S+$")]
    private static partial Regex LastWord();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
