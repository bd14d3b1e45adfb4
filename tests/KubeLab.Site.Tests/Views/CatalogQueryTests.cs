using KubeLab.Scenarios.Model;
using KubeLab.Site.Lessons;

namespace KubeLab.Site.Tests.Views;

public class CatalogQueryTests
{
    private static Scenario Lesson(string id, string title, string summary, params string[] tags) =>
        new($"{id}.yaml", new LessonMetadata(id, title, summary, LessonLevel.Beginner, 5, tags), [], new ClusterSetup(null, [], [], null), []);

    private static readonly Scenario[] Lessons =
    [
        Lesson("pods-on-the-wire", "Pods on the wire", "Create a pod and delete it.", "pods", "http"),
        Lesson("rbac-basics", "Who may do what", "Roles, bindings and a 403.", "rbac"),
    ];

    private static string[] Ids(CatalogQuery query) => query.Apply(Lessons).Select(l => l.Id).ToArray();

    [Test]
    public void EveryWordMustAppearInAnyCaseInIdTitleSummaryOrTags() => Assert.Multiple(() =>
    {
        Assert.That(Ids(new(null, null)), Is.EqualTo(new[] { "pods-on-the-wire", "rbac-basics" }));
        Assert.That(Ids(new("  DELETE   pod ", null)), Is.EqualTo(new[] { "pods-on-the-wire" }));
        Assert.That(Ids(new("403 who", null)), Is.EqualTo(new[] { "rbac-basics" }));
        Assert.That(Ids(new("rbac-basics", null)), Is.EqualTo(new[] { "rbac-basics" }));
        Assert.That(Ids(new("http", null)), Is.EqualTo(new[] { "pods-on-the-wire" }), "a tag is text too");
        Assert.That(Ids(new("delete 403", null)), Is.Empty);
    });

    [Test]
    public void ATagMatchesExactlyAndCombinesWithWords() => Assert.Multiple(() =>
    {
        Assert.That(Ids(new(null, "rbac")), Is.EqualTo(new[] { "rbac-basics" }));
        Assert.That(Ids(new(null, "RBAC")), Is.Empty);
        Assert.That(Ids(new(null, "pod")), Is.Empty);
        Assert.That(Ids(new("delete", "rbac")), Is.Empty);
    });
}
