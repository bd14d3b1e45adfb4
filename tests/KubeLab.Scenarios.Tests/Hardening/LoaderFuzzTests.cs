using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using KubeLab.Scenarios.Loading;
using KubeLab.Testing;

namespace KubeLab.Scenarios.Tests.Hardening;

/// <summary>
/// Mutated lessons (see <see cref="LessonMutator"/>) load or end in positioned errors, <c>file (line,col): message</c>,
/// never an exception, in bounded memory. Seeded from every bundled lesson and the malformed corpus; CI runs a short
/// form, <c>KUBELAB_FUZZ_ITERATIONS</c> a long one (docs/reliability.md).
/// </summary>
public partial class LoaderFuzzTests
{
    /// <summary>Generous bounds against runaway work (minutes, gigabytes), not measures: a lesson loads in milliseconds.</summary>
    private const long MaxAllocatedBytes = 256L << 20;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Test]
    public void MutatedLessonsEndInPositionedErrorsWithinBounds()
    {
        var settings = FuzzSettings.FromEnvironment(defaultIterations: 600);
        var seeds = Directory.EnumerateFiles(RepositoryPaths.Scenarios, "*.yaml")
            .Concat(Directory.EnumerateFiles(RepositoryPaths.Malformed, "*.yaml")).Order(StringComparer.Ordinal).ToList();
        var (first, last) = settings.Case is { } only ? (only, only) : (0, settings.Iterations - 1);
        var failures = new List<string>();
        var loaded = 0;
        var refused = 0;
        long maxAllocated = 0;
        var slowest = TimeSpan.Zero;
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        for (var index = first; index <= last && failures.Count < 10; index++)
        {
            var random = settings.ForCase(index);
            var seed = seeds[random.Next(seeds.Count)];
            var text = Encoding.UTF8.GetString(new LessonMutator(random).Mutate(File.ReadAllBytes(seed)));
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            LoadResult result;
            try
            {
                result = ScenarioLoader.Load(text, seed);
            }
            catch (Exception e)
            {
                failures.Add($"case {index} ({Path.GetFileName(seed)}): threw {e}\n  replay: {settings.Reproduce(index, "tests/KubeLab.Scenarios.Tests", "LoaderFuzzTests")}");
                continue;
            }
            var elapsed = clock.Elapsed;
            var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
            maxAllocated = Math.Max(maxAllocated, bytes);
            if (elapsed > slowest) slowest = elapsed;
            if (result.Succeeded) loaded++;
            else refused++;
            var problem = bytes > MaxAllocatedBytes ? $"allocated {bytes >> 20} MiB"
                : elapsed > Guard ? $"took {elapsed.TotalSeconds:0.0} s"
                : result.Errors.Select(e => Unpositioned(e, text, seed)).FirstOrDefault(p => p is not null);
            if (problem is not null)
                failures.Add($"case {index} ({Path.GetFileName(seed)}): {problem}\n  replay: {settings.Reproduce(index, "tests/KubeLab.Scenarios.Tests", "LoaderFuzzTests")}");
        }
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        TestContext.Out.WriteLine($"seed {settings.Seed}: lessons tried {last - first + 1} ({loaded} still loaded, {refused} refused with positioned errors)\n" +
            $"most allocated by one load: {maxAllocated / 1048576.0:0.0} MiB; slowest load {slowest.TotalMilliseconds:0} ms\n" +
            $"memory before/after (GC heap after a full collection): {memoryBefore / 1048576.0:0.0} MiB / {memoryAfter / 1048576.0:0.0} MiB");
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    /// <summary>Null when the error reads <c>file (line,col): message</c> with a position inside its file.</summary>
    private static string? Unpositioned(LessonError error, string text, string lesson)
    {
        var shown = error.ToString();
        if (!PositionedError().IsMatch(shown)) return $"not 'file (line,col): message': {shown}";
        if (error.File == lesson && error.At.Line > YamlLineBreak().Split(text).Length + 1) return $"line {error.At.Line} is past the end of the file: {shown}";
        return null;
    }

    /// <summary>What YAML counts as a line break (and editors show as one): not only \n.</summary>
    [GeneratedRegex("\r\n|[\r\n\u0085\u2028\u2029]")]
    private static partial Regex YamlLineBreak();

    [GeneratedRegex(@"^\S.* \(\d+,\d+\): \S", RegexOptions.Singleline)]
    private static partial Regex PositionedError();
}
