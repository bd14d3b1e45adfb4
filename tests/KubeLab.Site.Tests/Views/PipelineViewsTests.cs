using System.Net;
using System.Text;
using KubeLab.ControlPlane;
using KubeLab.ControlPlane.Pipeline;
using KubeLab.Site.Exchanges;

namespace KubeLab.Site.Tests.Views;

/// <summary>The pipeline picture of real exchanges: which stage answered, which refused, which were not reached.</summary>
public class PipelineViewsTests
{
    private static Dictionary<TraceStage, StageState> States(IReadOnlyList<StageView> stages) => stages.ToDictionary(s => s.Stage, s => s.State);

    [Test]
    public async Task ACreateIsAdmittedAndAnsweredByStorage()
    {
        using var cluster = new TestCluster();
        var body = new StringContent("""{"metadata":{"name":"settings"},"data":{"mode":"fast"}}""", Encoding.UTF8, "application/json");
        (await cluster.Admin.PostAsync("/api/v1/namespaces/default/configmaps", body)).EnsureSuccessStatusCode();

        var stages = PipelineViews.Of(cluster.LastExchange);
        Assert.That(stages.Select(s => s.Stage), Is.EqualTo(new[] { TraceStage.Authentication, TraceStage.Authorization, TraceStage.Admission, TraceStage.Storage }));
        Assert.That(stages.Select(s => s.State), Is.EqualTo(new[] { StageState.Passed, StageState.Passed, StageState.Passed, StageState.Answered }));
        Assert.That(stages[^1].Decision, Is.EqualTo("create /registry/configmaps/default/settings"));
    }

    [Test]
    public async Task DiscoveryIsAnsweredAfterAuthorizationAndNeverStored()
    {
        using var cluster = new TestCluster();
        await cluster.Admin.GetAsync("/api");
        var states = States(PipelineViews.Of(cluster.LastExchange));
        Assert.That(states[TraceStage.Authorization], Is.EqualTo(StageState.Answered));
        Assert.That(states[TraceStage.Admission], Is.EqualTo(StageState.NotInvolved));
        Assert.That(states[TraceStage.Storage], Is.EqualTo(StageState.NotInvolved));
    }

    [Test]
    public async Task AReadOfWhatDoesNotExistIsRefusedAtStorageWithoutAdmission()
    {
        using var cluster = new TestCluster();
        var response = await cluster.Admin.GetAsync("/api/v1/namespaces/default/pods/nowhere");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var states = States(PipelineViews.Of(cluster.LastExchange));
        Assert.That(states, Is.EqualTo(new Dictionary<TraceStage, StageState>
        {
            [TraceStage.Authentication] = StageState.Passed,
            [TraceStage.Authorization] = StageState.Passed,
            [TraceStage.Admission] = StageState.NotInvolved,
            [TraceStage.Storage] = StageState.Refused,
        }));
    }

    [Test]
    public async Task AnUnknownTokenIsRefusedAtAuthentication()
    {
        using var cluster = new TestCluster();
        using var stranger = cluster.Client("nobody-knows-this");
        var response = await stranger.GetAsync("/api/v1/namespaces/default/pods");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var states = States(PipelineViews.Of(cluster.LastExchange));
        Assert.That(states[TraceStage.Authentication], Is.EqualTo(StageState.Refused));
        Assert.That(states[TraceStage.Authorization], Is.EqualTo(StageState.NotReached));
        Assert.That(states[TraceStage.Storage], Is.EqualTo(StageState.NotReached));
    }

    [Test]
    public async Task ImpersonationShowsAsItsOwnStageAndAForbiddenWriteStopsAtAuthorization()
    {
        using var cluster = new TestCluster();
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/namespaces/default/configmaps/settings");
        request.Headers.Add("Impersonate-User", "jane");
        var response = await cluster.Admin.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        var stages = PipelineViews.Of(cluster.LastExchange);
        Assert.That(stages.Select(s => (s.Stage, s.State)), Is.EqualTo(new[]
        {
            (TraceStage.Authentication, StageState.Passed),
            (TraceStage.Impersonation, StageState.Passed),
            (TraceStage.Authorization, StageState.Refused),
            (TraceStage.Admission, StageState.NotReached),
            (TraceStage.Storage, StageState.NotReached),
        }));
        Assert.That(stages[2].Decision, Is.EqualTo("denied by union"));
    }

    [Test]
    public async Task ARequestBeyondTheRateIsRefusedAtFlowControlBeforeAuthorization()
    {
        using var cluster = new TestCluster(new ClusterOptions
        {
            Clock = new SimulatedClock(DateTimeOffset.Parse("2025-01-01T00:00:00Z")),
            Limits = new ClusterLimits { RequestsPerSecond = 1 },
        });
        (await cluster.Admin.GetAsync("/api/v1/namespaces/default/pods")).EnsureSuccessStatusCode();
        Assert.That(PipelineViews.Of(cluster.LastExchange).Select(s => s.Stage), Has.No.Member(TraceStage.FlowControl));

        var refused = await cluster.Admin.GetAsync("/api/v1/namespaces/default/pods");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        var stages = PipelineViews.Of(cluster.LastExchange);
        Assert.That(stages.Select(s => (s.Stage, s.State)), Is.EqualTo(new[]
        {
            (TraceStage.Authentication, StageState.Passed),
            (TraceStage.FlowControl, StageState.Refused),
            (TraceStage.Authorization, StageState.NotReached),
            (TraceStage.Admission, StageState.NotInvolved),
            (TraceStage.Storage, StageState.NotReached),
        }));
        Assert.That(stages[1].Name, Is.EqualTo("Flow control"));
        Assert.That(stages[1].Decision, Is.EqualTo("rejected by priority-and-fairness"));
    }
}
