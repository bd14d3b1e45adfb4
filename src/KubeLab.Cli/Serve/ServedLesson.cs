using System.Runtime.Versioning;
using KubeLab.ControlPlane;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Running;

namespace KubeLab.Cli.Serve;

/// <summary>
/// <c>kubelab serve --lesson LESSON</c>: the served cluster starts where the lesson starts, set up as a lesson run
/// sets it up (<see cref="LessonSetup"/>: its namespace, objects and users). The kubeconfig gets the lesson's
/// contexts and users with working credentials, and the learner's directory of the lesson (its files, <c>ca.crt</c>,
/// each certificate user's <c>NAME.crt</c> and <c>NAME.key</c>) is written out, so its commands work as typed.
/// </summary>
internal sealed class ServedLesson(Scenario scenario, ClientEnvironment environment)
{
    public static async Task<ServedLesson> PrepareAsync(Scenario scenario, Cluster cluster, string adminToken) =>
        new(scenario, await LessonSetup.PrepareAsync(scenario, cluster, adminToken));

    public string Id => scenario.Id;

    public string Title => scenario.Metadata.Title;

    /// <summary>Files of the lesson itself (not the certificates), as a learner would look for them.</summary>
    public IReadOnlyList<string> LessonFiles => scenario.Files.Select(f => f.Name).ToList();

    /// <summary>The lesson's kubeconfig: a token user keeps its token; a certificate user gets the certificate the cluster's CA issued.</summary>
    public Kubeconfig.Entries Kubeconfig()
    {
        var config = environment.Kubeconfig;
        var users = config.Users.Select(user =>
        {
            // The set-up wrote each issued certificate and its key beside the lesson's files, as NAME.crt and NAME.key.
            var issued = user.ClientCertificate is { } owner && environment.Certificates.ContainsKey(owner) ? owner : null;
            return new Kubeconfig.User(user.Name, user.Token,
                issued is null ? null : environment.Files[$"{issued}.crt"], issued is null ? null : environment.Files[$"{issued}.key"]);
        }).ToList();
        var contexts = config.Contexts.Select(c => new Kubeconfig.Context(c.Name, c.User, c.Namespace)).ToList();
        return new Kubeconfig.Entries(contexts, config.CurrentContext, users);
    }

    /// <summary>Writes the learner's directory into <paramref name="directory"/>, replacing files of the same names; keys readable by the owner only.</summary>
    public IReadOnlyList<string> WriteFiles(string directory)
    {
        var root = Path.GetFullPath(directory);
        var written = new List<string>();
        foreach (var (name, content) in environment.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var path = Path.GetFullPath(Path.Combine(root, name));
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidOperationException($"the lesson's file \"{name}\" would be written outside {root}");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (name.EndsWith(".key", StringComparison.Ordinal) && !OperatingSystem.IsWindows()) WritePrivate(path, content);
            else File.WriteAllText(path, content);
            written.Add(name);
        }
        return written;
    }

    /// <summary>A private key: created readable by its owner only, and made so if it was there before.</summary>
    [UnsupportedOSPlatform("windows")]
    private static void WritePrivate(string path, string content)
    {
        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = owner }))
        using (var writer = new StreamWriter(stream)) writer.Write(content);
        File.SetUnixFileMode(path, owner);
    }
}
