using KubeLab.Scenarios.Loading;

namespace KubeLab.Scenarios.Tests.Curl;

/// <summary>The lesson checker accepts what the emulator runs, spelled every way curl allows, and nothing else.</summary>
public class CurlLessonCheckTests
{
    private static IReadOnlyList<string> Errors(string curl) => ScenarioLoader.Load($$"""
        id: curl-check
        title: T
        summary: S
        level: beginner
        minutes: 5
        steps:
          - title: A step
            narration: N
            curl: {{curl}}
        """, "/lessons/curl-check.yaml").Errors.Select(e => $"{e.At}: {e.Message}").ToList();

    [TestCase("curl -sSk -o out.json -w '%{http_code}\\n' ${server}/version")]
    [TestCase("curl -XPUT -HContent-Type:application/json --data-raw '{}' --http1.1 -N ${server}/api")]
    [TestCase("curl --no-silent --insecure --include --verbose --output - --write-out x ${server}/api")]
    [TestCase("curl -E kubernetes-admin.crt --key kubernetes-admin.key --cacert ca.crt ${server}/api")]
    [TestCase("curl -k -H 'X-Empty;' ${server}/api")]
    public void Accepted(string curl) => Assert.That(Errors(curl), Is.Empty);

    [TestCase("curl -kXGOT ${server}/api", "(9,19): 'GOT' is not an HTTP method")]
    [TestCase("curl -kz ${server}/api", "(9,16): unknown curl option '-kz' — did you mean '-k'?")]
    [TestCase("curl -E nope.crt ${server}/api", "(9,19): file 'nope.crt' is neither in 'files' nor beside the lesson")]
    public void Refused(string curl, string error) => Assert.That(Errors(curl).Single(), Does.StartWith(error));
}
