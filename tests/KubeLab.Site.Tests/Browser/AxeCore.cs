using KubeLab.Testing;

namespace KubeLab.Site.Tests.Browser;

/// <summary>axe-core's script, located (or downloaded from npm) once per run by scripts/axe-core.sh, as developers get it.</summary>
internal static class AxeCore
{
    private static readonly ScriptedPath Located = new("axe-core.sh", "axe-core",
        "Run scripts/test-prerequisites.sh, or set AXE_CORE_JS to an axe.min.js.", TimeSpan.FromMinutes(2));

    public static Task<string> PathAsync() => Located.GetAsync();
}
