using System.Text.RegularExpressions;

namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary>
/// Makes two <c>-v</c> logs comparable: the time, process id and durations of each line, audit ids, and the orders
/// Go leaves to map iteration (feature gates, curl's -H options) are neutralised; every other byte must match.
/// </summary>
public static partial class KlogNormalizer
{
    public static string Normalize(string log)
    {
        log = Header().Replace(log, "${level}0000 00:00:00.000000 PID ");
        log = Millis().Replace(log, "${name}=N");
        log = AuditId().Replace(log, "Audit-Id: <uuid>");
        log = Random().Replace(log, "${name}<random>");
        log = Curl().Replace(log, m => "curl -v -X" + m.Groups["verb"].Value + " " +
            string.Join("", HeaderOption().Matches(m.Groups["headers"].Value).Select(h => h.Value).Order(StringComparer.Ordinal)) + " '");
        var lines = log.Split('\n').ToList();
        var gates = lines.Where(l => l.Contains("\"Feature gate default state\"")).Order(StringComparer.Ordinal).ToList();
        var first = lines.FindIndex(l => l.Contains("\"Feature gate default state\""));
        if (first >= 0)
        {
            lines.RemoveAll(l => l.Contains("\"Feature gate default state\""));
            lines.InsertRange(first, gates);
        }
        // When the wait ends, the stream's reader fails as kubectl exits: it logs that, or exits first.
        lines.RemoveAll(l => l.Contains("streamwatcher.go:123"));
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"(?<level>[IWEF])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ ", RegexOptions.Multiline)]
    private static partial Regex Header();

    [GeneratedRegex(@"(?<name>[a-zA-Z]*[mM]illiseconds)=\d+")]
    private static partial Regex Millis();

    // A watch's timeout and a client's ephemeral port are random on a real machine.
    [GeneratedRegex(@"(?<name>timeoutSeconds=|read tcp 127\.0\.0\.1:)\d+")]
    private static partial Regex Random();

    [GeneratedRegex(@"Audit-Id: [0-9a-f-]{36}")]
    private static partial Regex AuditId();

    [GeneratedRegex(@"curl -v -X(?<verb>[A-Z]+) (?<headers>.*?) '")]
    private static partial Regex Curl();

    [GeneratedRegex(@" -H ""(?:[^""\\]|\\.)*""")]
    private static partial Regex HeaderOption();
}
