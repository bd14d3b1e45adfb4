using KubeLab.Site.Learners;
using KubeLab.Site.Operations;
using Microsoft.Extensions.Options;

namespace KubeLab.Site.Tests.Views;

/// <summary>The session count and who it admits: anyone below the cap, beyond it only learners who hold a session, no one new while draining.</summary>
public class SessionGateTests
{
    private readonly string _ann = LearnerCookie.NewId();
    private readonly string _bob = LearnerCookie.NewId();
    private readonly SessionGate _gate = new(Options.Create(new LearnerOptions { MaxSessions = 2 }));

    [Test]
    public void BelowTheCapAnyoneIsAdmitted()
    {
        Assert.That(_gate.Admits(null), Is.True);
        using var lesson = _gate.Open(_ann, SessionKind.Lesson);
        Assert.That(_gate.Admits(_bob), Is.True);
        Assert.That(_gate.IsFull, Is.False);
        Assert.That(_gate.CountOf(SessionKind.Lesson), Is.EqualTo(1));
        Assert.That(_gate.CountOf(SessionKind.LearnerCluster), Is.Zero);
    }

    [Test]
    public void AtTheCapOnlyLearnersWhoHoldASessionGetAnother()
    {
        using var lesson = _gate.Open(_ann, SessionKind.Lesson);
        using var cluster = _gate.Open(null, SessionKind.LearnerCluster);
        Assert.That(_gate.IsFull, Is.True);

        Assert.That(_gate.Admits(_bob), Is.False);
        Assert.That(_gate.Admits(null), Is.False, "a browser without the cookie is nobody the site knows");
        Assert.That(Assert.Throws<SiteFullException>(() => _gate.Open(_bob, SessionKind.Lesson))!.Draining, Is.False);

        Assert.That(_gate.Admits(_ann), Is.True);
        using var second = _gate.Open(_ann, SessionKind.Lesson);
        Assert.That(_gate.Count, Is.EqualTo(3), "a known learner may go past the cap");
    }

    [Test]
    public void ClosingGivesThePlaceBackOnceAndForgetsTheLearner()
    {
        var first = _gate.Open(_ann, SessionKind.Lesson);
        var second = _gate.Open(_ann, SessionKind.LearnerCluster);
        first.Dispose();
        first.Dispose();
        Assert.That(_gate.Count, Is.EqualTo(1));
        using var bob = _gate.Open(_bob, SessionKind.Lesson);
        Assert.That(_gate.Admits(_ann), Is.True, "ann still holds her cluster");
        second.Dispose();
        Assert.That(_gate.Admits(_ann), Is.True, "one place is free again");
        using var carl = _gate.Open(null, SessionKind.Lesson);
        Assert.That(_gate.Admits(_ann), Is.False, "ann holds nothing now: she is new again");
    }

    [Test]
    public void DrainingAdmitsNoOneNewButKeepsKnownLearners()
    {
        using var ann = _gate.Open(_ann, SessionKind.Lesson);
        _gate.BeginDraining();
        Assert.That(_gate.Admits(_bob), Is.False);
        var refused = Assert.Throws<SiteFullException>(() => _gate.Open(_bob, SessionKind.Lesson))!;
        Assert.That(refused.Draining, Is.True);
        Assert.That(refused.Message, Is.EqualTo(SessionGate.DrainingMessage));
        using var again = _gate.Open(_ann, SessionKind.LearnerCluster);
        Assert.That(_gate.Count, Is.EqualTo(2));
    }
}
