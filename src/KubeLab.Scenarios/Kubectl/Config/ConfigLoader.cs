using System.Security.Cryptography.X509Certificates;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Kubectl.Flags;

namespace KubeLab.Scenarios.Kubectl.Config;

/// <summary>
/// client-go's clientcmd as kubectl runs it: the kubeconfig from <c>--kubeconfig</c>, <c>$KUBECONFIG</c> or the
/// learner's default, the context from <c>--context</c> or current-context, then the overriding flags.
/// </summary>
internal sealed class ConfigLoader(ClientEnvironment environment, FlagValues flags)
{
    /// <summary>The kubeconfig file kubectl read, as its <c>-v=6</c> line names it.</summary>
    public string Path { get; private set; } = environment.KubeconfigPath;

    public KubeconfigDocument Document()
    {
        var explicitPath = flags.String("kubeconfig");
        if (explicitPath.Length > 0)
        {
            Path = explicitPath;
            if (IsDefault(explicitPath)) return KubeconfigDocument.From(environment);
            if (!environment.Files.TryGetValue(explicitPath, out var text))
                throw KubectlException.Client($"stat {explicitPath}: no such file or directory");
            return ParseFile(explicitPath, text);
        }
        if (environment.Variables.TryGetValue("KUBECONFIG", out var variable) && variable.Length > 0)
        {
            foreach (var path in variable.Split(':', StringSplitOptions.RemoveEmptyEntries))
            {
                Path = path;
                if (IsDefault(path)) return KubeconfigDocument.From(environment);
                if (environment.Files.TryGetValue(path, out var text)) return ParseFile(path, text);
            }
            return new KubeconfigDocument("", [], [], []);
        }
        return KubeconfigDocument.From(environment);
    }

    /// <summary>The context kubectl uses: <c>--context</c>, else the current context (empty when there is none).</summary>
    public string ContextName(KubeconfigDocument document) =>
        flags.String("context") is { Length: > 0 } name ? name : document.CurrentContext;

    public RestConfig Load()
    {
        var document = Document();
        var contextName = ContextName(document);
        var context = contextName.Length == 0 ? null : document.Context(contextName);
        if (context is null && contextName.Length > 0)
            throw KubectlException.Raw($"Error in configuration: context was not found for specified context: {contextName}\n");

        var userFlag = Global("user");
        var userName = userFlag.Length > 0 ? userFlag : context?.User ?? "";
        var user = document.User(userName);
        if (user is null && userFlag.Length > 0) throw KubectlException.Client($"auth info \"{userName}\" does not exist");
        var clusterName = flags.String("cluster") is { Length: > 0 } c ? c : context?.Cluster ?? "";
        var cluster = document.Cluster(clusterName);
        if (cluster is null && flags.String("cluster").Length > 0)
            throw KubectlException.Raw($"Error in configuration: cluster \"{clusterName}\" does not exist\n");

        var host = flags.String("server") is { Length: > 0 } s ? s : cluster?.Server ?? "";
        var server = host.Length == 0 ? "http://localhost:8080" : host.Contains("://") ? host : "https://" + host;
        // client-go's DefaultServerURL. (A host Go parses but cannot dial, such as "${server}", fails later in real
        // kubectl, as "Unable to connect to the server: …"; here it fails now, with this message.)
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri))
            throw KubectlException.Client($"host must be a URL or a host:port pair: {Output.GoValue.Quote(host)}");
        var ns = flags.String("namespace") is { Length: > 0 } n ? n : context?.Namespace is { Length: > 0 } cn ? cn : "default";

        var token = flags.String("token") is { Length: > 0 } t ? t : user?.Token;
        var certificate = Certificate(user);
        var basic = flags.String("username") is { Length: > 0 } un ? (un, flags.String("password"))
            : user?.Username is { } name ? (name, user.Password ?? "") : ((string, string)?)null;
        var secure = uri.Scheme == Uri.UriSchemeHttps;
        return new RestConfig(uri, ns)
        {
            NamespaceFromFlag = flags.String("namespace").Length > 0,
            Token = secure ? token : null,
            Certificate = secure ? certificate : null,
            Basic = secure ? basic : null,
            PromptsForCredentials = secure && token is null && certificate is null && basic is null,
            CertificateAuthorityPem = cluster?.CertificateAuthorityPem,
            Insecure = flags.Bool("insecure-skip-tls-verify") || cluster?.InsecureSkipTlsVerify == true,
            ImpersonateUser = flags.String("as") is { Length: > 0 } a ? a : null,
            ImpersonateGroups = flags.Strings("as-group"),
            ImpersonateUid = flags.String("as-uid") is { Length: > 0 } uid ? uid : null,
        };
    }

    /// <summary>A global flag's value, unless the command shadows it with a flag of its own (create rolebinding's --user).</summary>
    private string Global(string name) => flags.Definitions.Find(name)?.Type == FlagType.String ? flags.String(name) : "";

    private X509Certificate2? Certificate(KubeconfigCredentials? user)
    {
        if (user?.ClusterUser is { } clusterUser)
            return environment.Certificates.GetValueOrDefault(clusterUser);
        if (user?.CertificatePem is { } pem && user.KeyPem is { } key)
        {
            try
            {
                return X509Certificate2.CreateFromPem(pem, key);
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                throw KubectlException.Client($"tls: failed to find any PEM data in certificate input ({e.Message})");
            }
        }
        return null;
    }

    private bool IsDefault(string path) => path == environment.KubeconfigPath;

    private static KubeconfigDocument ParseFile(string path, string text)
    {
        try
        {
            return KubeconfigDocument.Parse(text);
        }
        catch (FormatException e)
        {
            throw KubectlException.Client($"error loading config file \"{path}\": {e.Message}");
        }
    }
}
