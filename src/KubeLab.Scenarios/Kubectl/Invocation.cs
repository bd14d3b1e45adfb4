using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Kubectl.Config;
using KubeLab.Scenarios.Kubectl.Flags;
using KubeLab.Scenarios.Kubectl.Logging;
using KubeLab.Scenarios.Kubectl.Requests;
using KubeLab.Scenarios.Kubectl.Resources;

namespace KubeLab.Scenarios.Kubectl;

/// <summary>
/// One run of kubectl: the command line as parsed, the learner's environment, what it prints, and the
/// clients it makes when it first needs them (the kubeconfig is read and logged only then, as kubectl does).
/// </summary>
internal sealed class Invocation(ClientEnvironment environment, CommandOutput output, FlagValues flags, string commandPath, CancellationToken cancellationToken) : IDisposable
{
    private readonly int processId = environment.Ids.NextProcessId();
    private ConfigLoader? loader;
    private RestConfig? config;
    private KubeClient? client;
    private DiscoveryClient? discovery;
    private RestMapper? mapper;
    private OpenApiClient? openApi;
    private Klog? klog;

    public ClientEnvironment Environment => environment;
    public CommandOutput Output => output;
    public FlagValues Flags => flags;
    public IReadOnlyList<string> Args => flags.Positional;
    public CancellationToken Cancellation => cancellationToken;

    /// <summary>The command as cobra names it: <c>kubectl create namespace</c> (also the Kubectl-Command header).</summary>
    public string CommandPath => commandPath;

    public Klog Log => klog ??= new Klog(output, environment.Cluster.Services.Clock, processId, (int)flags.Int("v"));

    public ConfigLoader Loader => loader ??= new ConfigLoader(environment, flags);

    public RestConfig Config
    {
        get
        {
            if (config is not null) return config;
            var loaded = Loader.Load();
            if (Log.V(6)) Log.Plain("loader.go:402", $"Config loaded from file:  {Loader.Path}");
            if (Log.V(1))
                foreach (var (gate, enabled) in FeatureGates)
                    Log.Info("envvar.go:172", "Feature gate default state", ("feature", gate), ("enabled", enabled));
            return config = loaded;
        }
    }

    /// <summary>The namespace commands act in: <c>-n</c>, else the context's, else <c>default</c>.</summary>
    public string Namespace => Config.Namespace;

    public KubeClient Client
    {
        get
        {
            if (client is not null) return client;
            var rest = Config;
            if (rest.PromptsForCredentials)
            {
                // kubectl asks for a user name on its terminal; a lesson has no keyboard, so stdin ends at once.
                output.Out("Please enter Username: ");
                throw KubectlException.Client("EOF");
            }
            return client = new KubeClient(environment, rest, Log, output, commandPath, environment.Ids.NewUuid());
        }
    }

    public DiscoveryClient Discovery => discovery ??= new DiscoveryClient(Client, environment);

    public RestMapper Mapper => mapper ??= new RestMapper(Discovery);

    public OpenApiClient OpenApi => openApi ??= new OpenApiClient(Client);

    /// <summary>
    /// What kubectl's error printing logs at <c>-v=4</c> and above for each error from the server, just before
    /// the messages: the Status as Go's <c>json.MarshalIndent</c> writes it, in a quirky <c>%s[…]</c> line.
    /// </summary>
    public void LogServerErrors(IEnumerable<Output.KubectlError> errors)
    {
        if (!Log.V(4)) return;
        foreach (var error in errors)
        {
            if (error.Status is not { } status) continue;
            var json = System.Text.Encoding.UTF8.GetString(ControlPlane.Serialization.KubeJson.Serialize(status));
            Log.Plain("helpers.go:246", $"server response object: %s[{GoIndent.Indent(json)}]");
        }
    }

    public void Out(string text) => output.Out(text);

    public void Err(string text) => output.Error(text);

    private static readonly (string, bool)[] FeatureGates =
    [
        ("ClientsAllowCBOR", false), ("ClientsPreferCBOR", false), ("InformerResourceVersion", false),
        ("InOrderInformers", true), ("WatchListClient", false),
    ];

    public void Dispose() => client?.Dispose();
}
