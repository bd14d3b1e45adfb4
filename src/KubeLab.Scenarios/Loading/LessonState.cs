using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Loading;

/// <summary>
/// What the lesson has set up by the step being read: files in the learner's directory, users with
/// certificates, variables captured so far, terminals still running. Lets the loader catch a
/// reference to something that will not exist when the step runs.
/// </summary>
internal sealed class LessonState
{
    /// <summary>Files the learner's working directory holds (from <c>files</c>, and certificates the runner writes).</summary>
    public HashSet<string> WorkspaceFiles { get; } = new(StringComparer.Ordinal) { $"{ClusterUser.Admin}.crt", $"{ClusterUser.Admin}.key", "ca.crt" };

    /// <summary>Cluster users that have a client certificate.</summary>
    public HashSet<string> CertificateUsers { get; } = new(StringComparer.Ordinal) { ClusterUser.Admin };

    /// <summary>Variables usable in the current step, with the step number that captured each (0 for built-ins).</summary>
    public Dictionary<string, int> Variables { get; } = Model.Variables.Builtins.ToDictionary(b => b, _ => 0);

    /// <summary>Variables the current step captures: usable only from the next step on.</summary>
    public HashSet<string> CapturedNow { get; } = [];

    /// <summary>Background terminals running, with the port a <c>kubectl proxy</c> in it listens on.</summary>
    public Dictionary<string, int?> Terminals { get; } = [];

    /// <summary>1-based number of the step being read.</summary>
    public int StepNumber { get; set; }

    public void AddCertificateUser(string name)
    {
        CertificateUsers.Add(name);
        WorkspaceFiles.UnionWith([$"{name}.crt", $"{name}.key", "ca.crt"]);
    }

    public bool ProxyListensOn(int port) => Terminals.Values.Contains(port);
}
