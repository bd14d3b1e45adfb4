namespace KubeLab.Testing;

/// <summary>
/// How long and from where the fuzz tests run: short and seeded in CI, as long as asked by
/// <c>KUBELAB_FUZZ_ITERATIONS</c>, from the seed in <c>KUBELAB_FUZZ_SEED</c> (so a failure printed by one run
/// is replayed by the next). <c>KUBELAB_FUZZ_CASE</c> replays a single case.
/// </summary>
public sealed record FuzzSettings(int Seed, int Iterations, int? Case)
{
    public static FuzzSettings FromEnvironment(int defaultIterations, int defaultSeed = 20251121) => new(
        Read("KUBELAB_FUZZ_SEED") ?? defaultSeed,
        Read("KUBELAB_FUZZ_ITERATIONS") ?? defaultIterations,
        Read("KUBELAB_FUZZ_CASE"));

    /// <summary>A case's own random source (not HashCode, which differs per process), so any case can be replayed alone.</summary>
    public Random ForCase(int index) => new(unchecked(Seed * 1_000_003 + index));

    /// <summary>The command line that replays case <paramref name="index"/> of this run.</summary>
    public string Reproduce(int index, string project, string filter) =>
        $"KUBELAB_FUZZ_SEED={Seed} KUBELAB_FUZZ_CASE={index} dotnet test {project} --filter {filter}";

    private static int? Read(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : null;
}
