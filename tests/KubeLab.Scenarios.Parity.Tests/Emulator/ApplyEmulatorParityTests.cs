namespace KubeLab.Scenarios.Parity.Tests.Emulator;

/// <summary>
/// <c>kubectl apply</c>: creation with the last-applied annotation, <c>unchanged</c> with no PATCH, the three-way
/// strategic merge patch after edits (maps, removed keys, lists by merge key), and server-side apply.
/// </summary>
public class ApplyEmulatorParityTests : EmulatorParityFixture
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {0}
          labels: {{app: {0}}}
        spec:
          replicas: {1}
          selector:
            matchLabels: {{app: {0}}}
          template:
            metadata:
              labels: {{app: {0}}}
            spec:
              containers:
              - name: web
                image: {2}
                ports:
                - containerPort: 80
              {3}
        """;

    private static string DeploymentYaml(string name, int replicas, string image, string extra = "") =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Deployment, name, replicas, image, extra);

    [Test]
    public async Task A_config_map_through_its_life()
    {
        await Twins.WriteFileAsync("life.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: life\n  labels:\n    tier: one\ndata:\n  a: \"1\"\n  b: \"2\"\n");
        await AssertParityAsync("apply", "-f", "life.yaml");
        await AssertParityAsync("apply", "-f", "life.yaml");
        await Twins.WriteFileAsync("life.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: life\n  labels:\n    tier: two\n    extra: \"yes\"\ndata:\n  a: \"1\"\n  c: \"3\"\n");
        await AssertParityAsync("apply", "-f", "life.yaml");
        await AssertParityAsync("apply", "-f", "life.yaml", "-o", "yaml");
    }

    [Test]
    public async Task A_deployment_whose_image_and_replicas_change()
    {
        await Twins.WriteFileAsync("web.yaml", DeploymentYaml("apply-web", 2, "nginx:1.27"));
        await AssertParityAsync("apply", "-f", "web.yaml");
        await Twins.WriteFileAsync("web.yaml", DeploymentYaml("apply-web", 3, "nginx:1.28"));
        await AssertParityAsync("apply", "-f", "web.yaml");
        await Twins.WriteFileAsync("web.yaml", DeploymentYaml("apply-web", 3, "nginx:1.28", "- name: sidecar\n        image: busybox"));
        await AssertParityAsync("apply", "-f", "web.yaml");
        await Twins.WriteFileAsync("web.yaml", DeploymentYaml("apply-web", 3, "nginx:1.28"));
        await AssertParityAsync("apply", "-f", "web.yaml");
    }

    [Test]
    public async Task An_object_made_by_create_gets_the_annotation_with_a_warning()
    {
        await SetupAsync("create", "configmap", "made", "--from-literal=a=1");
        await Twins.WriteFileAsync("made.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: made\ndata:\n  a: \"1\"\n");
        await AssertParityAsync("apply", "-f", "made.yaml");
    }

    [Test]
    public async Task Server_side()
    {
        await Twins.WriteFileAsync("ssa.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  a: \"1\"\n");
        await AssertParityAsync("apply", "--server-side", "-f", "ssa.yaml");
        await AssertParityAsync("apply", "--server-side", "-f", "ssa.yaml", "-n", "default");
    }

    [Test]
    public async Task Refused()
    {
        await AssertParityAsync("apply");
        await AssertParityAsync("apply", "-f", "nothing.yaml");
    }
}
