using System.Text.Json.Nodes;
using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Tests.Kubectl.Output;

/// <summary>go-yaml v2's choices as kubectl -o yaml shows them (expected texts observed from kubectl v1.33).</summary>
public class YamlPrinterTests
{
    private static string Value(string value) => YamlPrinter.Print(new JsonObject { ["k"] = value });

    [TestCase("plain text", "k: plain text\n")]
    [TestCase("it's", "k: it's\n")]
    [TestCase("true", "k: \"true\"\n")]
    [TestCase("y", "k: \"y\"\n")]
    [TestCase("Yes", "k: \"Yes\"\n")]
    [TestCase("~", "k: \"~\"\n")]
    [TestCase("null", "k: \"null\"\n")]
    [TestCase("", "k: \"\"\n")]
    [TestCase("123", "k: \"123\"\n")]
    [TestCase("0x1F", "k: \"0x1F\"\n")]
    [TestCase("1e3", "k: \"1e3\"\n")]
    [TestCase(".5", "k: \".5\"\n")]
    [TestCase("1_000", "k: \"1_000\"\n")]
    [TestCase("1:20", "k: \"1:20\"\n")]
    [TestCase(".inf", "k: \".inf\"\n")]
    [TestCase("2025-01-01", "k: \"2025-01-01\"\n")]
    [TestCase("2025-01-02T03:04:05Z", "k: \"2025-01-02T03:04:05Z\"\n")]
    [TestCase("123456789012345678901234567890", "k: \"123456789012345678901234567890\"\n")]
    [TestCase("a: b", "k: 'a: b'\n")]
    [TestCase("- x", "k: '- x'\n")]
    [TestCase("-", "k: '-'\n")]
    [TestCase("'single'", "k: '''single'''\n")]
    [TestCase("\"double\"", "k: '\"double\"'\n")]
    [TestCase("#hash", "k: '#hash'\n")]
    [TestCase("x #y", "k: 'x #y'\n")]
    [TestCase("x#y", "k: x#y\n")]
    [TestCase("@at", "k: '@at'\n")]
    [TestCase(" leading", "k: ' leading'\n")]
    [TestCase("trailing ", "k: 'trailing '\n")]
    [TestCase("<html> & stuff", "k: <html> & stuff\n")]
    [TestCase("tab\there", "k: \"tab\\there\"\n")]
    [TestCase("emoji 🚀", "k: \"emoji \\U0001F680\"\n")]
    [TestCase("héllo ✓ 日本語", "k: héllo ✓ 日本語\n")]
    public void ScalarsAreQuotedOnlyWhenPlainTextWouldReadBackDifferently(string value, string expected) =>
        Assert.That(Value(value), Is.EqualTo(expected));

    [TestCase("multi\nline\n", "k: |\n  multi\n  line\n")]
    [TestCase("multi\nline", "k: |-\n  multi\n  line\n")]
    [TestCase("keep\n\n", "k: |+\n  keep\n\n")]
    [TestCase("\nfirst", "k: |2-\n\n  first\n")]
    [TestCase("a  \nb", "k: \"a  \\nb\"\n")]
    public void MultiLineStringsAreLiteralBlocksWhenTheyCanBe(string value, string expected) =>
        Assert.That(Value(value), Is.EqualTo(expected));

    [Test]
    public void KeysFollowGoYamlsNaturalOrder()
    {
        var obj = new JsonObject();
        foreach (var key in new[] { "b", "item10", "10", "a_b", "2", "item2", "A", "a-b", "1", "010", "a.b" }) obj[key] = "x";
        var keys = YamlPrinter.Print(obj).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':')[0]);
        Assert.That(keys, Is.EqualTo(new[] { "\"1\"", "\"2\"", "\"10\"", "\"010\"", "A", "a-b", "a.b", "a_b", "b", "item2", "item10" }));
    }

    [Test]
    public void SequencesUnderAKeyAreNotIndentedAndEmptyCollectionsAreFlow()
    {
        var obj = new JsonObject
        {
            ["list"] = new JsonArray("a", new JsonObject { ["name"] = "x", ["ports"] = new JsonArray(80, 443) }, new JsonArray("n")),
            ["map"] = new JsonObject { ["empty"] = new JsonObject(), ["none"] = new JsonArray(), ["nil"] = null, ["n"] = 1.5, ["i"] = 3 },
        };
        Assert.That(YamlPrinter.Print(obj), Is.EqualTo(
            "list:\n- a\n- name: x\n  ports:\n  - 80\n  - 443\n- - \"n\"\nmap:\n  empty: {}\n  i: 3\n  \"n\": 1.5\n  nil: null\n  none: []\n"));
    }

    [Test]
    public void LongStringsFoldAtSpacesPastEightyColumns()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 30));
        var yaml = Value(text);
        Assert.That(yaml, Is.EqualTo("k: " + string.Join(' ', Enumerable.Repeat("word", 16)) + "\n  " + string.Join(' ', Enumerable.Repeat("word", 14)) + "\n"));
        Assert.That(Value(new string('x', 120)), Is.EqualTo("k: " + new string('x', 120) + "\n"), "no space, no fold");
    }

    [Test]
    public void KeysLongerThan128BytesUseTheExplicitForm()
    {
        var key = new string('k', 130);
        Assert.That(YamlPrinter.Print(new JsonObject { [key] = "v" }), Is.EqualTo($"? {key}\n: v\n"));
    }
}
