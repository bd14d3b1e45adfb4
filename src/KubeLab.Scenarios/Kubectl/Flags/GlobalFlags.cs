namespace KubeLab.Scenarios.Kubectl.Flags;

/// <summary>The flags every kubectl command inherits (<c>kubectl options</c>).</summary>
internal static class GlobalFlags
{
    public static void AddTo(FlagSet flags)
    {
        flags.String("as").Array("as-group").String("as-uid").String("cache-dir", value: "/home/learner/.kube/cache")
            .String("certificate-authority").String("client-certificate").String("client-key").String("cluster").String("context")
            .Bool("disable-compression").Bool("insecure-skip-tls-verify").String("kubeconfig").Duration("log-flush-frequency", "5s")
            .Bool("match-server-version").String("namespace", 'n').String("password").String("profile", value: "none")
            .String("profile-output", value: "profile.pprof").String("request-timeout", value: "0").String("server", 's')
            .String("tls-server-name").String("token").String("user").String("username").Int32("v", 'v').String("vmodule")
            .Bool("warnings-as-errors");
    }
}
