using System.Diagnostics;
using System.Text;
using KubeLab.Scenarios.Loading;

namespace KubeLab.Scenarios.Tests.Loading;

/// <summary>
/// Hostile input is refused with a positioned error, quickly and in little memory. The bounds are
/// generous (tens of seconds, tens of megabytes) against failures that would take minutes or gigabytes.
/// </summary>
public class LimitsTests
{
    private const string Head = "id: limits\ntitle: T\nsummary: S\nlevel: beginner\nminutes: 5\n";

    private static LessonError LoadBounded(string text)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = ScenarioLoader.Load(text, "/lessons/limits.yaml");
        Assert.Multiple(() =>
        {
            // Bytes allocated state the promise; the clock only guards against minutes, so a loaded machine cannot fail it.
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "time");
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - allocated, Is.LessThan(96L << 20), "bytes allocated");
            Assert.That(result.Scenario, Is.Null);
        });
        return result.Errors[0];
    }

    [Test]
    public void OversizedTextIsRefusedBeforeParsing()
    {
        var error = LoadBounded(Head + "narration: " + new string('x', 1 << 20));
        Assert.That($"{error.At}: {error.Message}", Is.EqualTo("(1,1): the file is 1.0 MiB; a lesson may be at most 1 MiB (put long payloads in files beside it)"));
    }

    [Test]
    public void OversizedFileIsRefusedWithoutReadingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"oversized-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, new byte[3 << 20]);
        try
        {
            var result = ScenarioLoader.LoadFile(path);
            Assert.That(result.Errors.Single().Message, Does.StartWith("the file is 3.0 MiB"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void BillionLaughsIsRefusedAtTheAliasThatOverflows()
    {
        var text = new StringBuilder(Head).Append("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 12; i++)
            text.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        var error = LoadBounded(text.ToString());
        Assert.That($"{error.At}: {error.Message}", Is.EqualTo("(10,45): aliases expand to more than 100,000 YAML nodes: refusing an alias bomb"));
    }

    [Test]
    public void AMegabyteOfOpenBracketsStopsAtTheDepthLimit()
    {
        var error = LoadBounded("narration: " + new string('[', (1 << 20) - 100));
        Assert.That($"{error.At}: {error.Message}", Is.EqualTo("(1,75): nesting deeper than 64 levels: a lesson never needs that much"));
    }

    [Test]
    public void DeepBlockNestingStopsAtTheDepthLimit()
    {
        var text = string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + $"k{i}:\n"));
        var error = LoadBounded(text);
        Assert.That(error.Message, Is.EqualTo("nesting deeper than 64 levels: a lesson never needs that much"));
    }

    [Test]
    public void AliasesCannotStackNestingPastTheLimit()
    {
        var text = new StringBuilder(Head).Append("n0: &n0 [x]\n");
        for (var i = 1; i < 70; i++) text.Append($"n{i}: &n{i} [*n{i - 1}]\n");
        var error = LoadBounded(text.ToString());
        Assert.That(error.Message, Does.Match("^alias '\\*n\\d+' nests deeper than 64 levels$"));
    }

    [Test]
    public void AHugeFlatListStopsAtTheNodeLimit()
    {
        var error = LoadBounded("narration: [" + string.Join(",", Enumerable.Repeat("1", 400_000)) + "]");
        Assert.That(error.Message, Is.EqualTo("more than 100,000 YAML nodes: a lesson is a few hundred"));
    }

    [Test]
    public void ALongUnknownKeyGetsNoSuggestionAndNoQuadraticWork()
    {
        var error = LoadBounded(new string('k', 1000) + ": 1\n" + Head);
        Assert.That(error.Message, Does.StartWith("unknown key 'kkkk").And.Contain("(known keys: id, title"));
    }

    [Test]
    public void ThousandsOfErrorsAreCountedButOnlyAHundredKept()
    {
        var text = Head + string.Concat(Enumerable.Range(0, 30_000).Select(i => $"unknown{i}: x\n")) + "steps: []\n";
        var result = ScenarioLoader.Load(text, "/lessons/limits.yaml");
        LoadBounded(text);
        Assert.That(result.Errors, Has.Count.EqualTo(LoadContext.MaxErrors + 1));
        Assert.That(result.Errors[^1].Message, Is.EqualTo("and 29901 more errors not shown: fix these first"));
    }
}
