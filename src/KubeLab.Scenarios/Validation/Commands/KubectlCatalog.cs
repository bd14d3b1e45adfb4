namespace KubeLab.Scenarios.Validation.Commands;

/// <summary>
/// kubectl v1.33's own command names, so that validation tells a typo (<c>gett</c>) from a real command the emulator
/// does not reproduce (<c>top</c>), and says why the commands that need a container cannot be simulated. What the
/// emulator does reproduce is its command tree, not a list kept here.
/// </summary>
internal static class KubectlCatalog
{
    /// <summary>kubectl's commands and subcommands, by command path.</summary>
    private static readonly Dictionary<string, string[]> Commands = new(StringComparer.Ordinal)
    {
        ["kubectl"] =
        [
            "annotate", "api-resources", "api-versions", "apply", "attach", "auth", "autoscale", "certificate", "cluster-info",
            "completion", "config", "cordon", "cp", "create", "debug", "delete", "describe", "diff", "drain", "edit", "events",
            "exec", "explain", "expose", "get", "kustomize", "label", "logs", "options", "patch", "plugin", "port-forward",
            "proxy", "replace", "rollout", "run", "scale", "set", "taint", "top", "uncordon", "version", "wait",
        ],
        ["kubectl create"] =
        [
            "clusterrole", "clusterrolebinding", "configmap", "cronjob", "deployment", "ingress", "job", "namespace",
            "poddisruptionbudget", "priorityclass", "quota", "role", "rolebinding", "secret", "service", "serviceaccount", "token",
        ],
        ["kubectl create secret"] = ["docker-registry", "generic", "tls"],
        ["kubectl create service"] = ["clusterip", "externalname", "loadbalancer", "nodeport"],
        ["kubectl auth"] = ["can-i", "reconcile", "whoami"],
        ["kubectl config"] =
        [
            "current-context", "delete-cluster", "delete-context", "delete-user", "get-clusters", "get-contexts", "get-users",
            "rename-context", "set", "set-cluster", "set-context", "set-credentials", "unset", "use-context", "view",
        ],
        ["kubectl rollout"] = ["history", "pause", "restart", "resume", "status", "undo"],
        ["kubectl set"] = ["env", "image", "resources", "selector", "serviceaccount", "subject"],
    };

    /// <summary>Commands that act on a running container's processes or network, which a simulator without containers has not.</summary>
    private static readonly Dictionary<string, string> NeedContainers = new(StringComparer.Ordinal)
    {
        ["exec"] = "runs a command inside a container",
        ["attach"] = "attaches to a running container's terminal",
        ["cp"] = "copies files through a shell inside a container",
        ["port-forward"] = "forwards a local port to a container's port",
        ["debug"] = "starts an ephemeral debugging container",
    };

    /// <summary>Whether kubectl v1.33 has this subcommand under the command path (<c>kubectl rollout</c>).</summary>
    public static bool Has(string commandPath, string word) => Commands.TryGetValue(commandPath, out var names) && names.Contains(word);

    /// <summary>Why a real kubectl command cannot be simulated at all, or null.</summary>
    public static string? WhyNotSimulated(string command) =>
        NeedContainers.TryGetValue(command, out var what)
            ? $"'kubectl {command}' {what}, and KubeLab simulates the API, not containers: it cannot be part of a lesson " +
              "(show the pod with 'get' or 'describe', or its output with 'logs')"
            : null;
}
