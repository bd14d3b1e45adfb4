using KubeLab.Compatibility.Tests.Infrastructure;

namespace KubeLab.Compatibility.Tests;

/// <summary>
/// The official Python client (Debian's python3-kubernetes, 22.6) against the
/// simulator: a second real client with its own kubeconfig parsing, TLS and JSON.
/// </summary>
public class PythonClientTests : SimulatorFixture
{
    // Debian's package imports only under the system interpreter, not a pyenv python3 on PATH.
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import json, sys
        import urllib3
        from kubernetes import client, config
        from kubernetes.client.rest import ApiException

        # The kubeconfig turns certificate verification off; without this every
        # request prints an InsecureRequestWarning.
        urllib3.disable_warnings()

        config.load_kube_config(config_file=sys.argv[1])
        v1 = client.CoreV1Api()
        ns, name = "default", "py-config"

        body = client.V1ConfigMap(metadata=client.V1ObjectMeta(name=name), data={"greeting": "hello"})
        created = v1.create_namespaced_config_map(ns, body)
        print("created", created.metadata.name, created.data["greeting"])

        read = v1.read_namespaced_config_map(name, ns)
        print("read", read.metadata.name, read.data["greeting"],
              "uid" if read.metadata.uid else "no-uid",
              "resourceVersion" if read.metadata.resource_version else "no-resourceVersion")

        pods = v1.list_namespaced_pod(ns)
        print("pods", " ".join(p.metadata.name for p in pods.items))

        # A dict body goes out as a strategic merge patch.
        patched = v1.patch_namespaced_config_map(name, ns, {"data": {"greeting": "hi"}})
        print("patched", patched.data["greeting"])

        deleted = v1.delete_namespaced_config_map(name, ns)
        print("deleted", deleted.status, deleted.details.kind, deleted.details.name)

        try:
            v1.read_namespaced_config_map(name, ns)
            print("still there")
        except ApiException as e:
            print("read after delete", e.status, json.loads(e.body)["reason"])
        """;

    [Test]
    public async Task ConfigMapRoundTrip()
    {
        var probe = await ProcessRunner.RunAsync(Python, ["-c", "import kubernetes"], TimeSpan.FromSeconds(30));
        Assert.That(probe.ExitCode, Is.Zero,
            $"{Python} cannot import kubernetes; run scripts/test-prerequisites.sh (installs python3-kubernetes).\n{probe.Stderr}");

        Assert.That(await Kubectl.RunAsync("run", "py-pod", "--image=nginx"), Is.EqualTo(KubectlResult.Success("pod/py-pod created\n")));
        var dir = NewWorkDirectory();
        var script = Path.Combine(dir, "roundtrip.py");
        File.WriteAllText(script, Script);

        var result = await ProcessRunner.RunAsync(Python, [script, Simulator.KubeconfigPath], TimeSpan.FromSeconds(60),
            environment: new Dictionary<string, string?> { ["PYTHONPATH"] = null, ["PYTHONHOME"] = null, ["HOME"] = dir });

        Assert.That(result, Is.EqualTo(new ProcessResult(0,
            "created py-config hello\n" +
            "read py-config hello uid resourceVersion\n" +
            "pods py-pod\n" +
            "patched hi\n" +
            "deleted Success configmaps py-config\n" +
            "read after delete 404 NotFound\n",
            "")));
    }
}
