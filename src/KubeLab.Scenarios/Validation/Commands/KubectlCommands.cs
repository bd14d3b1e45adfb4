namespace KubeLab.Scenarios.Validation.Commands;

/// <summary>
/// The kubectl commands the emulator reproduces. A command outside this set is an authoring error,
/// not a silent no-op: the runner could not show what real kubectl sends for it.
/// </summary>
internal static class KubectlCommands
{
    /// <summary>Commands, each with the subcommands it requires (null: none).</summary>
    public static readonly IReadOnlyDictionary<string, string[]?> Commands = new Dictionary<string, string[]?>
    {
        ["get"] = null, ["describe"] = null,
        ["create"] = ["namespace", "deployment", "serviceaccount", "token", "role", "rolebinding", "clusterrole", "clusterrolebinding", "configmap", "secret"],
        ["apply"] = null, ["replace"] = null, ["delete"] = null, ["run"] = null, ["logs"] = null,
        ["label"] = null, ["annotate"] = null, ["patch"] = null, ["scale"] = null, ["edit"] = null,
        ["api-resources"] = null, ["api-versions"] = null, ["version"] = null, ["explain"] = null,
        ["auth"] = ["can-i", "whoami"],
        ["config"] = ["view", "use-context", "set-context", "set-credentials", "current-context"],
        ["proxy"] = null, ["wait"] = null,
        ["rollout"] = ["status", "history", "undo", "restart"],
        ["set"] = ["image"],
    };

    /// <summary>Aliases kubectl itself accepts for subcommands.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        ["ns"] = "namespace", ["deploy"] = "deployment", ["sa"] = "serviceaccount", ["cm"] = "configmap", ["use"] = "use-context",
    };

    /// <summary><c>create secret</c> takes a type; only generic secrets are simulated.</summary>
    public static readonly string[] SecretTypes = ["generic"];

    /// <summary>
    /// Options that may take their value as the next word (global ones and the common local ones), so
    /// that word is not mistaken for a command or subcommand.
    /// </summary>
    public static readonly HashSet<string> OptionsWithValue =
    [
        "-n", "--namespace", "--context", "--kubeconfig", "--cluster", "--user", "--as", "--as-group", "--as-uid",
        "--token", "-s", "--server", "--request-timeout", "--cache-dir", "-v", "--v", "--certificate-authority",
        "--client-certificate", "--client-key", "--tls-server-name", "--vmodule", "--profile", "--profile-output",
        "-o", "--output", "-l", "--selector", "--field-selector", "-c", "--container", "-f", "--filename", "-p", "--patch",
        "--port", "--image", "--replicas", "--type", "--from-literal", "--from-file", "--role", "--clusterrole",
        "--serviceaccount", "--verb", "--resource", "--for", "--timeout", "--raw", "--template", "--sort-by",
        "--grace-period", "--cascade", "--tail", "--since", "--duration", "--resource-version", "--subresource",
    ];

    /// <summary>Options whose value is a file the learner has: it must exist when the step runs.</summary>
    public static readonly HashSet<string> FileOptions = ["-f", "--filename", "--kubeconfig", "--certificate-authority", "--client-certificate", "--client-key"];
}
