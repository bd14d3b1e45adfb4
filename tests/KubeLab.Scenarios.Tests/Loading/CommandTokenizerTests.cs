using KubeLab.Scenarios.Validation.Commands;

namespace KubeLab.Scenarios.Tests.Loading;

public class CommandTokenizerTests
{
    [Test]
    public void SplitsAsAShellWouldAndKeepsOffsets()
    {
        var words = CommandTokenizer.Split("get pods -o jsonpath='{.items[*].metadata.name}' -H \"Accept: a\\\"b\" a\\ b", out var error);
        Assert.That(error, Is.Null);
        Assert.That(words, Is.EqualTo(new CommandWord[]
        {
            new("get", 0), new("pods", 4), new("-o", 9), new("jsonpath={.items[*].metadata.name}", 12),
            new("-H", 49), new("Accept: a\"b", 52), new("a b", 67),
        }));
    }

    [Test]
    public void LineContinuationsJoinLines() =>
        Assert.That(CommandTokenizer.Split("curl -k \\\n  ${server}/api", out _).Select(w => w.Text), Is.EqualTo(new[] { "curl", "-k", "${server}/api" }));

    [TestCase("get pods | grep x", 9, "shell operator '|'")]
    [TestCase("get pods > out.txt", 9, "shell operator '>'")]
    [TestCase("get pods; get ns", 8, "shell operator ';'")]
    [TestCase("--token=$(cat t) get pods", 8, "command substitution '$(...)'")]
    [TestCase("get pods --token \"$TOKEN\"", 18, "'$TOKEN' is a shell variable")]
    [TestCase("get pods 'unclosed", 9, "the quote (') is not closed")]
    [TestCase("get pods \"unclosed", 9, "the quote (\") is not closed")]
    public void ShellFeaturesAreErrorsAtTheirOffset(string line, int offset, string message)
    {
        CommandTokenizer.Split(line, out var error);
        Assert.That(error?.Offset, Is.EqualTo(offset));
        Assert.That(error?.Message, Does.StartWith(message));
    }

    [Test]
    public void SingleQuotesAndLessonVariablesAreNotShellVariables()
    {
        CommandTokenizer.Split("get pods -o jsonpath='{$.items}' --token=${token} -l 'a=$b'", out var error);
        Assert.That(error, Is.Null);
    }
}
