using System.Text;
using KubeLab.Scenarios.Transcripts;
using KubeLab.Site.ClusterView;

namespace KubeLab.Site.Tests.Views;

public class ObjectDiffTests
{
    [Test]
    public async Task AChangedObjectListsTheFieldsThatDifferButNotItsManagedFields()
    {
        using var cluster = new TestCluster();
        const string path = "/api/v1/namespaces/default/configmaps";
        var created = await cluster.Admin.PostAsync(path, new StringContent(
            """{"metadata":{"name":"settings","labels":{"app.kubernetes.io/name":"web"}},"data":{"mode":"fast"}}""", Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        var before = ClusterSnapshot.Read(cluster.Cluster);
        var patch = new StringContent("""{"metadata":{"labels":{"app.kubernetes.io/name":"api"}},"data":{"mode":"slow","size":"3"}}""",
            Encoding.UTF8, "application/merge-patch+json");
        (await cluster.Admin.PatchAsync(path + "/settings", patch)).EnsureSuccessStatusCode();
        var after = ClusterSnapshot.Read(cluster.Cluster);

        var old = before.Find("configmaps", "default", "settings")!;
        var now = after.Find("configmaps", "default", "settings")!;
        var change = new ObjectChange(ChangeKind.Modified, "configmaps", "default", "settings", old.ResourceVersion, now.ResourceVersion);
        var diff = ObjectDiff.Of([change], before, after).Single();

        Assert.That(diff.Title, Is.EqualTo("default/configmaps/settings"));
        Assert.That(diff.Whole, Is.Null);
        Assert.That(diff.Fields, Is.EquivalentTo(new[]
        {
            new FieldChange("data.mode", "\"fast\"", "\"slow\""),
            new FieldChange("data.size", null, "\"3\""),
            new FieldChange("metadata.labels['app.kubernetes.io/name']", "\"web\"", "\"api\""),
            new FieldChange("metadata.resourceVersion", $"\"{old.ResourceVersion}\"", $"\"{now.ResourceVersion}\""),
        }));
    }
}
