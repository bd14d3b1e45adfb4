using KubeLab.Site.Sandbox;

namespace KubeLab.Site.Tests.Views;

/// <summary>↑ and ↓ in the sandbox's terminal, as a shell does them.</summary>
public class CommandHistoryTests
{
    [Test]
    public void UpRecallsEarlierLinesAndDownComesBackToWhatWasBeingTyped()
    {
        var history = new CommandHistory();
        history.Add("kubectl get ns");
        history.Add("kubectl get pods");
        history.Add("kubectl get pods");
        history.Add("   ");

        Assert.That(history.Lines, Is.EqualTo(new[] { "kubectl get ns", "kubectl get pods" }), "a repeat is kept once, a blank not at all");
        Assert.That(history.Previous("kubectl ver"), Is.EqualTo("kubectl get pods"));
        Assert.That(history.Previous("kubectl get pods"), Is.EqualTo("kubectl get ns"));
        Assert.That(history.Previous("kubectl get ns"), Is.EqualTo("kubectl get ns"), "the oldest line stays");
        Assert.That(history.Next(), Is.EqualTo("kubectl get pods"));
        Assert.That(history.Next(), Is.EqualTo("kubectl ver"), "past the newest: the draft");
        Assert.That(history.Next(), Is.EqualTo("kubectl ver"));
    }

    [Test]
    public void AddingALineStartsFromTheNewestAgain()
    {
        var history = new CommandHistory();
        Assert.That(history.Previous("draft"), Is.EqualTo("draft"), "nothing to recall");
        history.Add("one");
        history.Add("two");
        history.Previous("");
        history.Previous("");
        history.Add("three");
        Assert.That(history.Previous(""), Is.EqualTo("three"));
    }
}
