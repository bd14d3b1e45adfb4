using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Running;
using KubeLab.Scenarios.Transcripts.Rendering;

namespace KubeLab.Scenarios.Tests.Lessons;

/// <summary>
/// Every bundled lesson is a test: it loads, every step's checks pass, and its transcript equals the golden
/// file under Golden/. After an intended change, regenerate the files with
/// <c>KUBELAB_UPDATE_GOLDEN=1 dotnet test tests/KubeLab.Scenarios.Tests --filter BundledLessonTests</c>
/// and review the diff like any other change.
/// </summary>
public class BundledLessonTests
{
    private static string Folder => RepositoryPaths.Scenarios;

    private static string GoldenFolder => Path.Combine(RepositoryPaths.Root, "tests", "KubeLab.Scenarios.Tests", "Golden");

    public static IEnumerable<string> Lessons()
    {
        // TestCaseSource runs before any test context exists, so find the repository from this file's build output.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KubeLab.sln")))
                return Directory.EnumerateFiles(Path.Combine(dir.FullName, "scenarios"), "*.yaml")
                    .Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList();
        throw new InvalidOperationException("KubeLab.sln not found above the test binaries");
    }

    [TestCaseSource(nameof(Lessons))]
    public async Task RunsAndMatchesItsGoldenTranscript(string id)
    {
        var loaded = ScenarioLoader.LoadFile(Path.Combine(Folder, id + ".yaml"));
        Assert.That(loaded.Errors, Is.Empty, string.Join("\n", loaded.Errors));

        var transcript = await new ScenarioRunner(EmulatedClients.Create()).RunAsync(loaded.Scenario!);
        var failures = transcript.Steps.Where(s => !s.Passed)
            .Select(s => $"step {s.Number} ({s.Title}): " + (s.Error ?? string.Join("; ", s.Checks.Where(c => !c.Passed).Select(c => $"{c.Description}: {c.Detail}"))));
        Assert.That(failures, Is.Empty);

        var golden = Path.Combine(GoldenFolder, id + ".json");
        var actual = TranscriptJson.Render(transcript);
        if (Environment.GetEnvironmentVariable("KUBELAB_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(GoldenFolder);
            await File.WriteAllTextAsync(golden, actual);
        }
        Assert.That(File.Exists(golden), $"no golden transcript {golden}: run with KUBELAB_UPDATE_GOLDEN=1 to write it");
        Assert.That(actual, Is.EqualTo(await File.ReadAllTextAsync(golden)), $"the transcript differs from {golden}");
    }
}
