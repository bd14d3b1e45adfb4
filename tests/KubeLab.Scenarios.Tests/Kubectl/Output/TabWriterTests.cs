using System.Text;
using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Tests.Kubectl.Output;

public class TabWriterTests
{
    private static string Render(params string[] writes)
    {
        var output = new StringBuilder();
        var writer = new TabWriter(output);
        foreach (var text in writes) writer.Write(text);
        writer.Flush();
        return output.ToString();
    }

    [Test]
    public void ColumnsArePaddedToTheWidestCellPlusThreeButTheLastIsNot() =>
        Assert.That(Render("NAME\tREADY\tSTATUS\n", "web-1\t1/1\tRunning\n"),
            Is.EqualTo("NAME    READY   STATUS\nweb-1   1/1     Running\n"));

    [Test]
    public void NarrowColumnsStillTakeSixCharacters() =>
        Assert.That(Render("A\tB\n", "x\ty\n"), Is.EqualTo("A     B\nx     y\n"));

    [Test]
    public void EmptyCellsArePaddedLikeOthers() =>
        Assert.That(Render("A\tB\tC\n", "\t\tz\n"), Is.EqualTo("A     B     C\n            z\n"));

    [Test]
    public void WidthsCountRunesNotBytesOrDisplayCells() =>
        Assert.That(Render("日本語日本\tx\n", "ab\ty\n"), Is.EqualTo("日本語日本   x\nab      y\n"));

    [Test]
    public void ALineWithoutTabsFlushesButTheWidthIsRemembered() =>
        Assert.That(Render("long-name\tx\n", "separator\n", "a\tb\n"),
            Is.EqualTo("long-name   x\nseparator\na           b\n"));

    [Test]
    public void RememberedWidthsKeepColumnsFromShrinkingAcrossFlushes()
    {
        var output = new StringBuilder();
        var writer = new TabWriter(output);
        writer.Write("a-long-name\tx\n");
        writer.Flush();
        writer.Write("b\ty\n");
        writer.Flush();
        Assert.That(output.ToString(), Is.EqualTo("a-long-name   x\nb             y\n"));

        writer.SetRememberedWidths(null);
        output.Clear();
        writer.Write("b\ty\n");
        writer.Flush();
        Assert.That(output.ToString(), Is.EqualTo("b     y\n"));
    }
}
