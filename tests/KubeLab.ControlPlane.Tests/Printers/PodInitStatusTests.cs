using KubeLab.ControlPlane.Api.Core;
using static KubeLab.ControlPlane.Tests.Printers.PodBuilder;

namespace KubeLab.ControlPlane.Tests.Printers;

public class PodInitStatusTests
{
    [Test]
    public void Initializing_counts_finished_init_containers() =>
        Assert.That(Summary(Pod("Pending", Waiting("app", "PodInitializing"))
                .WithInit(2, Terminated("init0", 0, "Completed"), Waiting("init1", "PodInitializing"))),
            Is.EqualTo("0/1 Init:1/2 0"));

    [Test]
    public void Running_init_container_is_counted_by_index() =>
        Assert.That(Summary(Pod("Pending").WithInit(2, Running("init0", ready: false))), Is.EqualTo("0/0 Init:0/2 0"));

    [TestCase("CrashLoopBackOff", "Init:CrashLoopBackOff")]
    [TestCase("ImagePullBackOff", "Init:ImagePullBackOff")]
    public void Waiting_init_container_reason_is_prefixed(string reason, string expected) =>
        Assert.That(Summary(Pod("Pending").WithInit(1, Waiting("init0", reason))), Is.EqualTo($"0/0 {expected} 0"));

    [TestCase("Error", null, 1, "Init:Error")]
    [TestCase(null, null, 2, "Init:ExitCode:2")]
    [TestCase(null, 15, 143, "Init:Signal:15")]
    public void Failed_init_container_shows_why(string? reason, int? signal, int exitCode, string expected) =>
        Assert.That(Summary(Pod("Pending").WithInit(1, Terminated("init0", exitCode, reason, signal))), Is.EqualTo($"0/0 {expected} 0"));

    [Test]
    public void While_initializing_only_init_restarts_count() =>
        Assert.That(Summary(Pod("Pending", Running("app").Restarted(5, TimeSpan.FromHours(1)))
                .WithInit(1, Waiting("init0", "CrashLoopBackOff").Restarted(4, TimeSpan.FromMinutes(3)))),
            Is.EqualTo("0/1 Init:CrashLoopBackOff 4 (3m ago)"));

    [Test]
    public void Initialized_condition_counts_app_containers_but_keeps_the_init_reason() =>
        Assert.That(Summary(Pod("Running", Running().Restarted(1, TimeSpan.FromMinutes(20)))
                .WithInit(1, Waiting("init0", "CrashLoopBackOff").Restarted(7, TimeSpan.FromMinutes(1)))
                .WithCondition("Initialized", "True")),
            Is.EqualTo("1/1 Init:CrashLoopBackOff 1 (20m ago)"));

    [Test]
    public void Started_sidecars_count_as_containers_and_restarts()
    {
        var pod = Pod("Running", Running("app"))
            .WithInit(1, Running("init0").Restarted(2, TimeSpan.FromMinutes(1)));
        pod.Status.InitContainerStatuses![0].Started = true;
        pod.Spec.InitContainers![0].RestartPolicy = "Always";

        Assert.That(Summary(pod), Is.EqualTo("2/2 Running 2 (60s ago)"));
    }

    [Test]
    public void Sidecar_not_yet_started_holds_initialization()
    {
        var pod = Pod("Pending", Waiting("app", "PodInitializing")).WithInit(1, Running("init0", ready: false));
        pod.Spec.InitContainers![0].RestartPolicy = "Always";

        Assert.That(Summary(pod), Is.EqualTo("0/2 Init:0/1 0"));
    }
}
