using KubeLab.Scenarios.Kubectl.Output;

namespace KubeLab.Scenarios.Tests.Kubectl.Output;

/// <summary>Quantities print in apimachinery's canonical form, whatever the object wrote (values from resource.Quantity's own tests).</summary>
public class GoQuantityTests
{
    [TestCase("0", "0")]
    [TestCase("0.5", "500m")]
    [TestCase("100m", "100m")]
    [TestCase("1500m", "1500m")]
    [TestCase("2000m", "2")]
    [TestCase("1000", "1k")]
    [TestCase("4", "4")]
    [TestCase("100M", "100M")]
    [TestCase("1Gi", "1Gi")]
    [TestCase("2048Mi", "2Gi")]
    [TestCase("1.5Gi", "1536Mi")]
    [TestCase("0.5Gi", "512Mi")]
    [TestCase("8148752Ki", "8148752Ki")]
    [TestCase("512", "512")]
    [TestCase("0.1Ki", "102400m")]
    [TestCase("12e6", "12e6")]
    [TestCase("1e3", "1e3")]
    [TestCase("-100m", "-100m")]
    [TestCase("0.0000000001", "1n")]
    public void PrintsCanonically(string text, string canonical) =>
        Assert.That(GoQuantity.Parse(text).ToString(), Is.EqualTo(canonical));

    [TestCase("100Mi", "28Mi", "128Mi")]
    [TestCase("100m", "250m", "350m")]
    [TestCase("1", "500m", "1500m")]
    [TestCase("0", "64Mi", "64Mi")]
    [TestCase("64Mi", "100M", "167108864")]
    public void SumsKeepTheFirstFormat(string a, string b, string sum) =>
        Assert.That(GoQuantity.Parse(a).Add(GoQuantity.Parse(b)).ToString(), Is.EqualTo(sum));

    [Test]
    public void ValuesRoundUp() => Assert.Multiple(() =>
    {
        Assert.That(GoQuantity.Parse("1500m").Value(), Is.EqualTo(2));
        Assert.That(GoQuantity.Parse("1.5").MilliValue(), Is.EqualTo(1500));
        Assert.That(GoQuantity.Parse("64Mi").Value(), Is.EqualTo(67108864));
    });
}
