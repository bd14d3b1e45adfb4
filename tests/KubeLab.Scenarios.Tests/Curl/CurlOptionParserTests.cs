using KubeLab.Scenarios.Curl;

namespace KubeLab.Scenarios.Tests.Curl;

public class CurlOptionParserTests
{
    [Test]
    public void ShortFlagsCombineAndAShortValueMayBeAttached()
    {
        var (options, error) = CurlOptionParser.Parse(["-skv", "-XPUT", "-HAccept: application/json", "-d", "x", "https://127.0.0.1:6443/api"]);
        Assert.That(error, Is.Null);
        Assert.Multiple(() =>
        {
            Assert.That(options!.Silent && options.Insecure && options.Verbose);
            Assert.That(options.Method, Is.EqualTo("PUT"));
            Assert.That(options.Headers, Is.EqualTo(new[] { "Accept: application/json" }));
            Assert.That(options.Data.Single().Value, Is.EqualTo("x"));
            Assert.That(options.Urls, Is.EqualTo(new[] { "https://127.0.0.1:6443/api" }));
        });
    }

    [Test]
    public void AShortOptionWithAValueEndsTheGroup()
    {
        var (options, _) = CurlOptionParser.Parse(["-kX", "DELETE", "http://x/"]);
        Assert.That(options!.Insecure);
        Assert.That(options.Method, Is.EqualTo("DELETE"));
    }

    [Test]
    public void NoTurnsAFlagOff()
    {
        var (options, _) = CurlOptionParser.Parse(["-s", "--no-silent", "--insecure", "--no-insecure", "http://x/"]);
        Assert.That(options!.Silent || options.Insecure, Is.False);
    }

    [TestCase(new[] { "--foo", "http://x/" }, "curl: option --foo: is unknown\n")]
    [TestCase(new[] { "--data=x", "http://x/" }, "curl: option --data=x: is unknown\n")]
    [TestCase(new[] { "-H" }, "curl: option -H: requires parameter\n")]
    [TestCase(new[] { "http://x/", "--cacert" }, "curl: option --cacert: requires parameter\n")]
    [TestCase(new[] { "-sk" }, "curl: no URL specified!\n")]
    [TestCase(new string[0], "")]
    public void UsageErrorsAreCurls(string[] args, string first)
    {
        var (options, error) = CurlOptionParser.Parse(args);
        Assert.That(options, Is.Null);
        Assert.That(error, Is.EqualTo(first + "curl: try 'curl --help' or 'curl --manual' for more information\n"));
    }
}
