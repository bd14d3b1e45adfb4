using KubeLab.Compatibility.Tests.Infrastructure;

namespace KubeLab.Compatibility.Tests;

/// <summary>The table helper itself, checked against output captured from real kubectl.</summary>
public class TextTableTests
{
    private const string Wide =
        "NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n" +
        "web-1   1/1     Running   0          5m    10.244.0.5   node-1   <none>           <none>\n";

    [Test]
    public void RendersLikeKubectl()
    {
        string[][] lines =
        [
            ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"],
            ["web", "1/1", "1", "1", "5m"],
        ];
        Assert.That(TextTable.Render(lines), Is.EqualTo(
            "NAME   READY   UP-TO-DATE   AVAILABLE   AGE\n" +
            "web    1/1     1            1           5m\n"));
    }

    [Test]
    public void ParsesHeadersThatContainSpaces()
    {
        var rows = TextTable.Parse(Wide, "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES");
        TextTable.AssertRows(rows, ["web-1", "1/1", "Running", "0", TextTable.Age, "10.244.0.5", "node-1", "<none>", "<none>"]);
    }

    [Test]
    public void ParseRejectsWrongPadding()
    {
        // NAME is 4 wide, so its column is 7 (4 + 3 padding); 8 is wrong.
        var tooWide = "NAME    AGE\nweb     5m\n";
        Assert.That(() => TextTable.Parse(tooWide, "NAME", "AGE"), Throws.InstanceOf<AssertionException>());
    }
}
