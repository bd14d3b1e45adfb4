using KubeLab.Cli;

namespace KubeLab.Scenarios.Tests.Cli;

/// <summary>Options of <c>kubelab serve</c> that only make sense together are refused before anything is served.</summary>
[NonParallelizable]
public class ServeOptionsTests
{
    [TestCase("--record-clients-only", "--record-clients-only needs --record FILE.har")]
    [TestCase("--workdir out", "--workdir is where a lesson's files go: it needs --lesson")]
    [TestCase("--lesson pods-on-the-wire --http", "--lesson needs HTTPS: over --http kubectl sends none of the lesson users' credentials")]
    [TestCase("--record", "option --record needs a value")]
    public async Task AreUsageErrors(string options, string message)
    {
        var stderr = new StringWriter();
        var saved = Console.Error;
        Console.SetError(stderr);
        try
        {
            Assert.That(await CommandLine.Run(["serve", .. options.Split(' ')]), Is.EqualTo(2));
        }
        finally
        {
            Console.SetError(saved);
        }
        Assert.That(stderr.ToString(), Is.EqualTo($"error: {message}\nrun 'kubelab --help' for usage\n"));
    }
}
