using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KubeLab.Site.Connect;
using KubeLab.Site.Learners;

namespace KubeLab.LoadTest;

/// <summary>
/// A learner using their own kubectl: the Connect page leases their cluster and offers the kubeconfig, which the
/// learner downloads (HTTP, with their cookie); then every step is an HTTPS request to the connect endpoint with the
/// kubeconfig's bearer token, the requests <c>kubectl get pods</c>, <c>kubectl create deployment</c>,
/// <c>kubectl get deploy NAME</c> and discovery send. No kubectl process: one per request would measure process
/// start-up on two cores, not the site.
/// </summary>
internal sealed class ConnectLearner(SiteUnderLoad site, int steps) : Learner
{
    private LearnerLease? _lease;
    private string _server = "";
    private string _token = "";
    private HttpClient? _http;

    public override string Kind => ConnectKind;

    public override int StepCount => steps;

    public override async Task OpenAsync(CancellationToken cancellationToken)
    {
        var learner = await site.VisitAsync("/connect", cancellationToken);
        _lease = await site.Clusters.OpenAsync(learner, cancellationToken);
        var kubeconfig = await site.GetTextAsync(ConnectServices.KubeconfigPath, learner, cancellationToken);
        _server = Field(kubeconfig, "server");
        _token = Field(kubeconfig, "token");
        _http = site.ConnectClient(Encoding.ASCII.GetString(Convert.FromBase64String(Field(kubeconfig, "certificate-authority-data"))));
    }

    public override async Task StepAsync(int step, CancellationToken cancellationToken)
    {
        var name = $"web-{(step - 1) / 4}";
        var deployments = $"{_server}/apis/apps/v1/namespaces/default/deployments";
        using var request = ((step - 1) % 4) switch
        {
            0 => new HttpRequestMessage(HttpMethod.Get, $"{_server}/api/v1/namespaces/default/pods?limit=500"),
            1 => new HttpRequestMessage(HttpMethod.Post, $"{deployments}?fieldManager=kubectl-create&fieldValidation=Strict")
            {
                Content = new StringContent(Deployment(name), Encoding.UTF8, "application/json"),
            },
            2 => new HttpRequestMessage(HttpMethod.Get, $"{deployments}/{name}"),
            _ => new HttpRequestMessage(HttpMethod.Get, $"{_server}/api"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.UserAgent.ParseAdd("kubectl/v1.33.0 (linux/amd64) kubernetes/load");
        using var response = await _http!.SendAsync(request, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var expected = request.Method == HttpMethod.Post ? HttpStatusCode.Created : HttpStatusCode.OK;
        if (response.StatusCode != expected)
            throw new StepFailedException($"{request.Method} {request.RequestUri?.AbsolutePath}: {(int)response.StatusCode}, not {(int)expected}");
    }

    /// <summary>The body <c>kubectl create deployment NAME --image=nginx</c> sends.</summary>
    private static string Deployment(string name) =>
        $$$"""{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"{{{name}}}","creationTimestamp":null,"labels":{"app":"{{{name}}}"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"{{{name}}}"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"{{{name}}}"}},"spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},"strategy":{}},"status":{}}""";

    /// <summary>A scalar of the kubeconfig the site renders (one cluster, one user: each field once).</summary>
    private static string Field(string kubeconfig, string key) =>
        kubeconfig.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(key + ": ", StringComparison.Ordinal))?[(key.Length + 2)..]
        ?? throw new StepFailedException($"the kubeconfig has no {key}");

    public override ValueTask DisposeAsync()
    {
        _lease?.Dispose();
        return ValueTask.CompletedTask;
    }
}
