using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Api.Core;
using KubeLab.ControlPlane.Controllers.Deployment;

namespace KubeLab.ControlPlane.Tests.Controllers;

public class DeploymentControllerTests
{
    private const string Deployments = "/apis/apps/v1/namespaces/default/deployments";

    private static string Web(int replicas, string image = "nginx", string strategy = "") =>
        """{"metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":REPLICAS,STRATEGY"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"IMAGE"}]}}}}"""
            .Replace("REPLICAS", replicas.ToString()).Replace("STRATEGY", strategy).Replace("IMAGE", image);

    private static async Task<List<JsonObject>> ReplicaSets(ClusterClient c) =>
        (await c.Json(HttpMethod.Get, "/apis/apps/v1/namespaces/default/replicasets"))["items"]!.AsArray().Select(i => i!.AsObject()).ToList();

    private static async Task<List<JsonObject>> Pods(ClusterClient c) =>
        (await c.Json(HttpMethod.Get, "/api/v1/namespaces/default/pods"))["items"]!.AsArray().Select(i => i!.AsObject()).ToList();

    private static async Task SetImage(ClusterClient c, string image)
    {
        var d = await c.Json(HttpMethod.Get, $"{Deployments}/web");
        d["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = image;
        await c.Json(HttpMethod.Put, $"{Deployments}/web", d.ToJsonString());
    }

    [Test]
    public async Task ADeploymentGetsAReplicaSetNamedByItsTemplateHashAndItsPods()
    {
        using var c = new ClusterClient();
        var created = await c.Json(HttpMethod.Post, Deployments, Web(2), expect: 201);
        await c.Settle();

        var rs = (await ReplicaSets(c)).Single();
        var template = System.Text.Json.JsonSerializer.Deserialize<PodTemplateSpec>(created["spec"]!["template"]!.ToJsonString(), KubeLab.ControlPlane.Serialization.KubeJson.Options)!;
        var hash = PodTemplateHash.Compute(template, null);
        Assert.That(hash, Does.Match("^[bcdfghjklmnpqrstvwxz2456789]{1,10}$"));
        Assert.That(rs["metadata"]!["name"].Text(), Is.EqualTo($"web-{hash}"));
        Assert.That(rs["metadata"]!["labels"]!.ToJsonString(), Is.EqualTo($$$"""{"app":"web","pod-template-hash":"{{{hash}}}"}"""));
        Assert.That(rs["spec"]!["selector"]!.ToJsonString(), Is.EqualTo($$$"""{"matchLabels":{"app":"web","pod-template-hash":"{{{hash}}}"}}"""));
        Assert.That(rs["metadata"]!["annotations"]!.ToJsonString(), Is.EqualTo(
            """{"deployment.kubernetes.io/desired-replicas":"2","deployment.kubernetes.io/max-replicas":"3","deployment.kubernetes.io/revision":"1"}"""));
        Assert.That(rs["metadata"]!["ownerReferences"]!.ToJsonString(), Is.EqualTo(
            $$$"""[{"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":"{{{created["metadata"]!["uid"].Text()}}}","controller":true,"blockOwnerDeletion":true}]"""));

        var pods = await Pods(c);
        Assert.That(pods.Select(p => p["metadata"]!["name"].Text()), Has.All.Match($"^web-{hash}-[bcdfghjklmnpqrstvwxz2456789]{{5}}$"));
        Assert.That(pods.Select(p => p["metadata"]!["ownerReferences"]![0]!["name"].Text()), Has.All.EqualTo($"web-{hash}"));
        Assert.That((await c.Events("web"))[0], Is.EqualTo($"ScalingReplicaSet: Scaled up replica set web-{hash} from 0 to 2"));
        Assert.That(await c.Events($"web-{hash}"), Has.All.StartWith("SuccessfulCreate: Created pod: "));
    }

    [Test]
    public async Task StatusAndConditionsOnceThePodsAreAvailable()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, Deployments, Web(2), expect: 201);
        await c.Run(3);
        var d = await c.Json(HttpMethod.Get, $"{Deployments}/web");
        var rsName = (await ReplicaSets(c)).Single()["metadata"]!["name"].Text();
        var status = d["status"]!;
        Assert.That((status["replicas"]!.GetValue<int>(), status["updatedReplicas"]!.GetValue<int>(), status["readyReplicas"]!.GetValue<int>(), status["availableReplicas"]!.GetValue<int>()),
            Is.EqualTo((2, 2, 2, 2)));
        Assert.That(status["unavailableReplicas"], Is.Null);
        var conditions = status["conditions"]!.AsArray().Select(x => $"{x!["type"]} {x["status"]} {x["reason"]}: {x["message"]}");
        Assert.That(conditions, Is.EqualTo(new[]
        {
            "Available True MinimumReplicasAvailable: Deployment has minimum availability.",
            $"Progressing True NewReplicaSetAvailable: ReplicaSet \"{rsName}\" has successfully progressed.",
        }));
        Assert.That(d["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"].Text(), Is.EqualTo("1"));
    }

    [Test]
    public async Task ScalingThroughTheScaleSubresource()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, Deployments, Web(2), expect: 201);
        await c.Run(3);
        await c.Json(HttpMethod.Put, $"{Deployments}/web/scale", """{"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"web"},"spec":{"replicas":4}}""");
        await c.Run(3);
        Assert.That(await Pods(c), Has.Count.EqualTo(4));
        var rs = (await ReplicaSets(c)).Single();
        Assert.That(rs["metadata"]!["annotations"]!["deployment.kubernetes.io/desired-replicas"].Text(), Is.EqualTo("4"));
        Assert.That((await c.Events("web")).Last(), Is.EqualTo($"ScalingReplicaSet: Scaled up replica set {rs["metadata"]!["name"].Text()} from 2 to 4"));
    }

    [Test]
    public async Task ARollingUpdateStaysWithinMaxSurgeAndMaxUnavailable()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, Deployments, Web(4), expect: 201);
        await c.Run(3);
        await SetImage(c, "nginx:1.28");
        for (var step = 0; step < 100; step++)
        {
            await c.Run(0.1);
            var sets = await ReplicaSets(c);
            var available = sets.Sum(rs => rs["status"]!["availableReplicas"]?.GetValue<int>() ?? 0);
            var wanted = sets.Sum(rs => rs["spec"]!["replicas"]!.GetValue<int>());
            Assert.That(wanted, Is.LessThanOrEqualTo(5), "replicas + maxSurge (25% of 4, rounded up)");
            Assert.That(available, Is.GreaterThanOrEqualTo(3), "replicas − maxUnavailable (25% of 4, rounded down)");
        }
        var final = await ReplicaSets(c);
        Assert.That(final.Select(rs => (rs["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"].Text(), rs["spec"]!["replicas"]!.GetValue<int>())),
            Is.EquivalentTo(new[] { ("1", 0), ("2", 4) }));
        var pods = await Pods(c);
        Assert.That(pods.Select(p => p["spec"]!["containers"]![0]!["image"].Text()), Is.EqualTo(Enumerable.Repeat("nginx:1.28", 4)));
        var d = await c.Json(HttpMethod.Get, $"{Deployments}/web");
        Assert.That(d["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"].Text(), Is.EqualTo("2"));
    }

    [Test]
    public async Task RollingBackReusesTheOldReplicaSetWithANewRevision()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, Deployments, Web(2), expect: 201);
        await c.Run(3);
        await SetImage(c, "nginx:1.28");
        await c.Run(5);
        await SetImage(c, "nginx");
        await c.Run(5);
        var sets = await ReplicaSets(c);
        Assert.That(sets, Has.Count.EqualTo(2));
        var first = sets.Single(rs => rs["spec"]!["template"]!["spec"]!["containers"]![0]!["image"].Text() == "nginx");
        Assert.That(first["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"].Text(), Is.EqualTo("3"));
        Assert.That(first["metadata"]!["annotations"]!["deployment.kubernetes.io/revision-history"].Text(), Is.EqualTo("1"));
        Assert.That(first["spec"]!["replicas"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task RecreateRemovesEveryOldPodBeforeStartingNewOnes()
    {
        using var c = new ClusterClient();
        await c.Json(HttpMethod.Post, Deployments, Web(2, strategy: "\"strategy\":{\"type\":\"Recreate\"},"), expect: 201);
        await c.Run(3);
        await SetImage(c, "nginx:1.28");
        for (var step = 0; step < 50; step++)
        {
            await c.Run(0.1);
            var images = (await Pods(c)).Select(p => p["spec"]!["containers"]![0]!["image"].Text()).Distinct().ToList();
            Assert.That(images, Has.Count.LessThanOrEqualTo(1), "old and new pods never run together");
        }
        Assert.That((await Pods(c)).Select(p => p["spec"]!["containers"]![0]!["image"].Text()), Is.EqualTo(new[] { "nginx:1.28", "nginx:1.28" }));
    }

    [Test]
    public void TheTemplateHashFollowsTheTemplateAndTheCollisionCount()
    {
        var a = new PodTemplateSpec { Spec = new PodSpec { Containers = [new Container { Name = "c", Image = "nginx" }] } };
        var b = new PodTemplateSpec { Spec = new PodSpec { Containers = [new Container { Name = "c", Image = "nginx:1.28" }] } };
        var again = new PodTemplateSpec { Spec = new PodSpec { Containers = [new Container { Name = "c", Image = "nginx" }] } };
        Assert.That(PodTemplateHash.Compute(again, null), Is.EqualTo(PodTemplateHash.Compute(a, null)));
        Assert.That(PodTemplateHash.Compute(a, null), Is.Not.EqualTo(PodTemplateHash.Compute(b, null)));
        Assert.That(PodTemplateHash.Compute(a, 1), Is.Not.EqualTo(PodTemplateHash.Compute(a, null)));
        Assert.That(PodTemplateHash.SafeEncode("0123456789"), Is.EqualTo("456789bcdf"));
    }
}
