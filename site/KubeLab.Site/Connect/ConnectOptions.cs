namespace KubeLab.Site.Connect;

/// <summary>Where learners' own kubectl connects (section <c>Connect</c> of the configuration).</summary>
public sealed class ConnectOptions
{
    public const string Section = "Connect";

    /// <summary>
    /// The HTTPS endpoint to listen on (an IP address or <c>localhost</c>; port 0 picks a free one); empty for none.
    /// HTTPS only: kubectl sends a bearer token over TLS and over nothing else.
    /// </summary>
    public string Url { get; set; } = "https://127.0.0.1:5443";

    /// <summary>
    /// The URL kubeconfigs name instead of the endpoint's own, when an ingress in front of the site serves it (for
    /// example <c>https://kubelab.example.org/connect-api</c>). The ingress's certificate is then the one kubectl sees,
    /// so the kubeconfig pins no CA and kubectl trusts the system's roots.
    /// </summary>
    public string? PublicServer { get; set; }
}
