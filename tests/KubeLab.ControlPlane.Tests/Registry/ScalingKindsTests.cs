using System.Text.Json.Nodes;

namespace KubeLab.ControlPlane.Tests.Registry;

/// <summary>Defaults and validation of Ingress, PodDisruptionBudget and HorizontalPodAutoscaler, over HTTP.</summary>
public class ScalingKindsTests
{
    private const string Autoscalers = "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers";
    private const string Ingresses = "/apis/networking.k8s.io/v1/namespaces/default/ingresses";
    private const string Budgets = "/apis/policy/v1/namespaces/default/poddisruptionbudgets";

    [Test]
    public async Task AnAutoscalerWithoutMetricsGetsEightyPercentCpuAndNoGeneration()
    {
        using var c = new ClusterClient();
        var created = await c.Json(HttpMethod.Post, Autoscalers,
            """{"metadata":{"name":"web"},"spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},"maxReplicas":3}}""", expect: 201);

        Assert.That(created["spec"]!.ToJsonString(), Is.EqualTo(
            """{"scaleTargetRef":{"kind":"Deployment","name":"web","apiVersion":"apps/v1"},"minReplicas":1,"maxReplicas":3,"metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":80}}}]}"""));
        Assert.That(created["status"]!.ToJsonString(), Is.EqualTo("""{"desiredReplicas":0,"currentMetrics":null}"""));
        Assert.That(created["metadata"]!["generation"], Is.Null);
    }

    [Test]
    public async Task AGivenBehaviorIsFilledInButScaleDownKeepsNoWindow()
    {
        using var c = new ClusterClient();
        var created = await c.Json(HttpMethod.Post, Autoscalers,
            """{"metadata":{"name":"web"},"spec":{"scaleTargetRef":{"kind":"Deployment","name":"web"},"maxReplicas":3,"behavior":{"scaleDown":{"selectPolicy":"Min"}}}}""", expect: 201);

        Assert.That(created["spec"]!["behavior"]!.ToJsonString(), Is.EqualTo(
            """{"scaleUp":{"stabilizationWindowSeconds":0,"selectPolicy":"Max","policies":[{"type":"Pods","value":4,"periodSeconds":15},{"type":"Percent","value":100,"periodSeconds":15}]},"scaleDown":{"selectPolicy":"Min","policies":[{"type":"Percent","value":100,"periodSeconds":15}]}}"""));
    }

    [TestCase("""{"scaleTargetRef":{"kind":"Deployment"},"minReplicas":0,"maxReplicas":0}""",
        "spec.minReplicas: Invalid value: 0: must be greater than or equal to 1",
        "spec.maxReplicas: Invalid value: 0: must be greater than 0",
        "spec.scaleTargetRef.name: Required value")]
    [TestCase("""{"scaleTargetRef":{"kind":"Deployment","name":"web"},"maxReplicas":2,"metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Percent"}}}]}""",
        "spec.metrics[0].resource.target.type: Invalid value: \"Percent\": must be either Utilization, Value, or AverageValue",
        "spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization")]
    [TestCase("""{"scaleTargetRef":{"kind":"Deployment","name":"web"},"maxReplicas":2,"behavior":{"scaleDown":{"stabilizationWindowSeconds":7200,"policies":[{"type":"Pods","value":0,"periodSeconds":15}]}}}""",
        "spec.behavior.scaleDown.stabilizationWindowSeconds: Invalid value: 7200: must be less than or equal to 3600",
        "spec.behavior.scaleDown.policies[0].value: Invalid value: 0: must be greater than zero")]
    public async Task AutoscalerMistakesGetTheirFieldErrors(string spec, params string[] causes) =>
        await AssertInvalid(Autoscalers, "HorizontalPodAutoscaler", $$"""{"metadata":{"name":"web"},"spec":{{spec}}}""", causes);

    [TestCase("""{}""", "spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified")]
    [TestCase("""{"rules":[{"host":"10.0.0.1","http":{"paths":[{"path":"v1","pathType":"Prefix","backend":{"service":{"name":"web","port":{"name":"http","number":80}}}}]}}]}""",
        "spec.rules[0].host: Invalid value: \"10.0.0.1\": must be a DNS name, not an IP address",
        "spec.rules[0].http.paths[0].path: Invalid value: \"v1\": must be an absolute path",
        "spec.rules[0].http.paths[0].backend: Invalid value: \"\": cannot set both port name & port number")]
    [TestCase("""{"rules":[{"http":{"paths":[{"path":"/","pathType":"Regex","backend":{}}]}}]}""",
        "spec.rules[0].http.paths[0].pathType: Unsupported value: \"Regex\": supported values: \"Exact\", \"ImplementationSpecific\", \"Prefix\"",
        "spec.rules[0].http.paths[0].backend: Invalid value: \"\": resource or service backend is required")]
    public async Task IngressMistakesGetTheirFieldErrors(string spec, params string[] causes) =>
        await AssertInvalid(Ingresses, "Ingress", $$"""{"metadata":{"name":"web"},"spec":{{spec}}}""", causes);

    [TestCase("""{"maxUnavailable":"half","selector":{"matchExpressions":[{"key":"app","operator":"In"}]}}""",
        "spec.maxUnavailable: Invalid value: \"half\": must be an integer or percentage (e.g '5%')",
        "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'")]
    [TestCase("""{"minAvailable":-1,"unhealthyPodEvictionPolicy":"Never"}""",
        "spec.minAvailable: Invalid value: -1: must be greater than or equal to 0",
        "spec.unhealthyPodEvictionPolicy: Unsupported value: \"Never\": supported values: \"AlwaysAllow\", \"IfHealthyBudget\"")]
    public async Task BudgetMistakesGetTheirFieldErrors(string spec, params string[] causes) =>
        await AssertInvalid(Budgets, "PodDisruptionBudget", $$"""{"metadata":{"name":"web"},"spec":{{spec}}}""", causes);

    [Test]
    public async Task ABudgetStartsAtGenerationOneWithZeroCounts()
    {
        using var c = new ClusterClient();
        var created = await c.Json(HttpMethod.Post, Budgets, """{"metadata":{"name":"web"},"spec":{"maxUnavailable":1,"selector":{"matchLabels":{"app":"web"}}}}""", expect: 201);
        Assert.That(created["metadata"]!["generation"]!.GetValue<long>(), Is.EqualTo(1));
        Assert.That(created["status"]!.ToJsonString(), Is.EqualTo("""{"disruptionsAllowed":0,"currentHealthy":0,"desiredHealthy":0,"expectedPods":0}"""));
    }

    private static async Task AssertInvalid(string path, string kind, string body, string[] causes)
    {
        using var c = new ClusterClient();
        var status = await c.Json(HttpMethod.Post, path, body, expect: 422);
        Assert.That(status["details"]!["kind"]!.GetValue<string>(), Is.EqualTo(kind));
        Assert.That(status["details"]!["causes"]!.AsArray().Select(cause => $"{cause!["field"]}: {cause["message"]}"), Is.EqualTo(causes));
    }
}
