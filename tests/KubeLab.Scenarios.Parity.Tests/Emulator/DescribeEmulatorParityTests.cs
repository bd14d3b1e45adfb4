namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary>
/// <c>describe</c> of every kind KubeLab serves, on twin clusters: each kind's describer sends the requests real
/// kubectl sends (the object again through the typed clientset, its replica sets, pods, quotas, events…) and prints
/// the same text. Maps Go ranges over in random order are given one key, so that the real output is stable.
/// </summary>
public class DescribeEmulatorParityTests : EmulatorParityFixture
{
    [OneTimeSetUp]
    public async Task CreateWorldAsync()
    {
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop","labels":{"team":"a"},"annotations":{"owner":"ops"}}}""");
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/shop/resourcequotas", """
            {"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"compute"},"spec":{"hard":{"pods":"10","requests.cpu":"2","requests.memory":"1Gi"},"scopes":["NotTerminating"]}}
            """);
        await SendBothAsync(new HttpMethod("PATCH"), "/api/v1/namespaces/shop/resourcequotas/compute/status",
            """{"status":{"hard":{"pods":"10","requests.cpu":"2","requests.memory":"1Gi"},"used":{"pods":"2","requests.cpu":"0.5","requests.memory":"300M"}}}""",
            "application/merge-patch+json");
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/shop/resourcequotas",
            """{"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"objects"},"spec":{"hard":{"configmaps":"5"}}}""");
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/shop/limitranges", """
            {"apiVersion":"v1","kind":"LimitRange","metadata":{"name":"defaults"},"spec":{"limits":[
              {"type":"Container","default":{"cpu":"500m"},"defaultRequest":{"cpu":"0.25"},"max":{"cpu":"2"}},
              {"type":"Pod","max":{"memory":"2048Mi"}}]}}
            """);

        // A namespace stuck terminating: a pod in it keeps a finalizer.
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"stuck"}}""");
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/stuck/pods", """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"holder","finalizers":["example.com/block"]},"spec":{"containers":[{"name":"c","image":"busybox"}]}}
            """);
        await SendBothAsync(HttpMethod.Delete, "/api/v1/namespaces/stuck");

        // Pods whose requests and limits a node adds up: an init container's need counts when it is the larger, a sidecar adds up.
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/shop/pods", """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"sized"},"spec":{
              "initContainers":[{"name":"setup","image":"busybox","command":["sh","-c","echo ready"],"resources":{"requests":{"cpu":"1500m","memory":"32Mi"}}},
                {"name":"proxy","image":"nginx","restartPolicy":"Always","resources":{"requests":{"cpu":"100m"},"limits":{"memory":"64Mi"}}}],
              "containers":[{"name":"app","image":"nginx","resources":{"requests":{"cpu":"0.25","memory":"64Mi"},"limits":{"cpu":"1","memory":"128Mi"}}},
                {"name":"logger","image":"busybox","command":["sh","-c","sleep 3600"],"resources":{"requests":{"memory":"100M"}}}]}}
            """);
        await SetupAsync("create", "deployment", "web", "--image=nginx:1.27", "--replicas=2", "--port=80");
        await SetupAsync("set", "image", "deployment/web", "nginx=nginx:1.28");
        await SetupAsync("create", "service", "clusterip", "web", "--tcp=80:8080");
        await SetupAsync("create", "service", "nodeport", "edge", "--tcp=443:8443");
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/default/endpoints", """
            {"apiVersion":"v1","kind":"Endpoints","metadata":{"name":"web"},"subsets":[{"addresses":[{"ip":"10.244.1.5"},{"ip":"10.244.1.6"}],
              "notReadyAddresses":[{"ip":"10.244.1.7"}],"ports":[{"name":"http","port":8080,"protocol":"TCP"},{"port":9090,"protocol":"TCP"}]}]}
            """);
        await SetupAsync("create", "serviceaccount", "robot");
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/default/serviceaccounts",
            """{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"builder"},"secrets":[{"name":"robot-token"},{"name":"gone"}],"imagePullSecrets":[{"name":"registry"}]}""");
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/default/secrets",
            """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"registry","labels":{"kind":"pull"}},"type":"kubernetes.io/dockerconfigjson","data":{".dockerconfigjson":"eyJhdXRocyI6e319"}}""");
        await SendBothAsync(HttpMethod.Post, "/api/v1/namespaces/default/secrets",
            """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"password"},"stringData":{"password":"s3cr3t!"}}""");
        await SetupAsync("create", "role", "reader", "--verb=get,list,watch", "--resource=pods,deployments.apps,pods/log", "--resource-name=web");
        await SetupAsync("create", "role", "editor", "--verb=get", "--verb=update", "--resource=configmaps", "--resource=secrets");
        await SetupAsync("create", "rolebinding", "read-web", "--role=reader", "--user=alice", "--serviceaccount=default:robot", "--group=devs");
        await SetupAsync("create", "clusterrole", "log-reader", "--verb=get,post", "--non-resource-url=/logs/*,/healthz", "--resource=nodes,nodes/proxy");
        await SetupAsync("create", "clusterrolebinding", "read-logs", "--clusterrole=log-reader", "--user=bob");
        await Twins.WriteFileAsync("described.yaml",
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: password\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: never-created\n  namespace: shop\n");
        await SettleTwinsAsync();
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        static TestCaseData Case(params string[] args) => new TestCaseData((object)args).SetArgDisplayNames(string.Join(' ', args));
        yield return Case("describe", "namespace", "shop");
        yield return Case("describe", "ns", "stuck");
        yield return Case("describe", "ns", "default");
        yield return Case("describe", "quota", "-n", "shop");
        yield return Case("describe", "limitrange", "defaults", "-n", "shop");
        yield return Case("describe", "deployment", "web");
        yield return Case("describe", "deploy", "web", "--show-events=false");
        yield return Case("describe", "rs");
        yield return Case("describe", "svc", "web");
        yield return Case("describe", "service", "edge");
        yield return Case("describe", "endpoints", "web");
        yield return Case("describe", "sa", "robot");
        yield return Case("describe", "serviceaccount", "builder");
        yield return Case("describe", "secret", "registry");
        yield return Case("describe", "secret", "password");
        yield return Case("describe", "role", "reader");
        yield return Case("describe", "role", "editor");
        yield return Case("describe", "rolebinding", "read-web");
        yield return Case("describe", "clusterrole", "log-reader");
        yield return Case("describe", "clusterrole", "view");
        yield return Case("describe", "clusterrole", "cluster-admin");
        yield return Case("describe", "clusterrolebinding", "read-logs");
        yield return Case("describe", "clusterrolebinding", "cluster-admin");
        yield return Case("describe", "node", "worker-1");
        yield return Case("describe", "nodes");
        yield return Case("describe", "pod", "sized", "-n", "shop");
        yield return Case("describe", "events", "-n", "shop");
        yield return Case("describe", "ev", "-n", "stuck");
        yield return Case("describe", "deployment", "nope");
        yield return Case("describe", "-f", "described.yaml");
        yield return Case("describe", "-f", "described.yaml", "-n", "shop");
        yield return Case("describe", "ns", "sh");
        yield return Case("describe", "rolebindings", "-n", "shop");
        yield return Case("describe", "nodes", "-l", "nothing=here");
        yield return Case("describe", "rolebindings", "-A", "-l", "nothing=here");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Cold(string[] args) => AssertSame(await BothAsync(args), DescribeAges.Mask);
}
