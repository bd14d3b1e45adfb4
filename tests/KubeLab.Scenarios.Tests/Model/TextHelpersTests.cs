using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Tests.Model;

public class TextHelpersTests
{
    [TestCase("30s", 30_000)]
    [TestCase("5m", 300_000)]
    [TestCase("1h30m", 5_400_000)]
    [TestCase("1.5s", 1_500)]
    [TestCase("250ms", 250)]
    public void DurationsParseAsGoWritesThem(string text, int milliseconds)
    {
        Assert.That(GoDuration.TryParse(text, out var value), Is.True);
        Assert.That(value, Is.EqualTo(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [TestCase("30")]
    [TestCase("")]
    [TestCase("5 m")]
    [TestCase("1d")]
    [TestCase("-5s")]
    public void NotDurations(string text) => Assert.That(GoDuration.TryParse(text, out _), Is.False);

    [TestCase(90_000, "1m30s")]
    [TestCase(7_200_000, "2h")]
    [TestCase(1_500, "1s500ms")]
    [TestCase(0, "0s")]
    public void DurationsFormatCanonically(int milliseconds, string text) =>
        Assert.That(GoDuration.Format(TimeSpan.FromMilliseconds(milliseconds)), Is.EqualTo(text));

    [Test]
    public void VariablesAreFoundWithTheirOffsets() =>
        Assert.That(Variables.References("GET ${server}/api?rv=${rv}&x=$${literal} ${open"),
            Is.EqualTo(new VariableReference[] { new("server", 4), new("rv", 21), new(null, 41) }));

    [Test]
    public void VariablesAreSubstitutedAndEscapesKept() =>
        Assert.That(Variables.Substitute("${server}/api?rv=${rv}&x=$${rv}&y=${unknown}", n => n switch { "server" => "https://k", "rv" => "42", _ => null }),
            Is.EqualTo("https://k/api?rv=42&x=${rv}&y=${unknown}"));
}
