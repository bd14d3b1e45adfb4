using KubeLab.ControlPlane.Api.Core;
using static KubeLab.ControlPlane.Tests.Printers.PodBuilder;
using static KubeLab.ControlPlane.Tests.Printers.PrinterTesting;

namespace KubeLab.ControlPlane.Tests.Printers;

public class PodStatusTests
{
    [Test]
    public void Waiting_reason_replaces_the_phase() =>
        Assert.That(Summary(Pod("Pending", Waiting("app", "ContainerCreating"))), Is.EqualTo("0/1 ContainerCreating 0"));

    [Test]
    public void Restarts_show_when_the_last_container_stopped() =>
        Assert.That(Summary(Pod("Running", Waiting("app", "CrashLoopBackOff").Restarted(3, TimeSpan.FromSeconds(75)))),
            Is.EqualTo("0/1 CrashLoopBackOff 3 (75s ago)"));

    [Test]
    public void Restarts_without_a_finish_time_are_a_bare_count() =>
        Assert.That(Summary(Pod("Running", Running().Restarted(2, null))), Is.EqualTo("1/1 Running 2"));

    [Test]
    public void Restarts_add_up_and_take_the_latest_finish() =>
        Assert.That(Summary(Pod("Running",
                Running("a").Restarted(1, TimeSpan.FromHours(2)), Running("b").Restarted(2, TimeSpan.FromMinutes(4)))),
            Is.EqualTo("2/2 Running 3 (4m ago)"));

    [Test]
    public void First_container_reason_wins() =>
        Assert.That(Summary(Pod("Running", Waiting("a", "ImagePullBackOff"), Waiting("b", "ErrImagePull"))),
            Is.EqualTo("0/2 ImagePullBackOff 0"));

    [TestCase("Completed", null, 0, "Completed")]
    [TestCase(null, null, 137, "ExitCode:137")]
    [TestCase(null, 9, 0, "Signal:9")]
    public void Terminated_containers_give_their_reason(string? reason, int? signal, int exitCode, string expected) =>
        Assert.That(Summary(Pod("Running", Terminated("app", exitCode, reason, signal))), Is.EqualTo($"0/1 {expected} 0"));

    [Test]
    public void Completed_with_a_running_container_is_running_or_not_ready()
    {
        var pod = Pod("Running", Terminated("job", 0, "Completed"), Running("app"));
        Assert.That(Summary(pod), Is.EqualTo("1/2 NotReady 0"));

        Assert.That(Summary(pod.WithCondition("Ready", "True")), Is.EqualTo("1/2 Running 0"));
    }

    [Test]
    public void Status_reason_overrides_phase() =>
        Assert.That(Summary(new Pod { Status = new PodStatus { Phase = "Failed", Reason = "Evicted" } }), Is.EqualTo("0/0 Evicted 0"));

    [Test]
    public void Scheduling_gated_pods_say_so() =>
        Assert.That(Summary(Pod("Pending").WithCondition("PodScheduled", "False", "SchedulingGated")), Is.EqualTo("0/0 SchedulingGated 0"));

    [Test]
    public void Deleting_a_live_pod_shows_terminating_but_not_a_finished_one()
    {
        var live = Pod("Running", Running());
        live.Metadata.DeletionTimestamp = Now;
        var done = Pod("Succeeded", Terminated("app", 0, "Completed"));
        done.Metadata.DeletionTimestamp = Now;

        Assert.That(Summary(live), Is.EqualTo("1/1 Terminating 0"));
        Assert.That(Summary(done), Is.EqualTo("0/1 Completed 0"));
    }

    [Test]
    public void Deleting_a_pod_on_a_lost_node_shows_unknown()
    {
        var pod = Pod("Running", Running());
        pod.Status.Reason = "NodeLost";
        pod.Metadata.DeletionTimestamp = Now;

        Assert.That(Summary(pod), Is.EqualTo("1/1 Unknown 0"));
    }
}
