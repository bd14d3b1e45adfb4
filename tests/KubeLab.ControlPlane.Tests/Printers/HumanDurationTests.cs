using KubeLab.ControlPlane.Printers;

namespace KubeLab.ControlPlane.Tests.Printers;

public class HumanDurationTests
{
    [TestCase(-3, "<invalid>")]
    [TestCase(-2, "<invalid>")]
    [TestCase(-1, "0s")]
    [TestCase(0, "0s")]
    [TestCase(59, "59s")]
    [TestCase(119, "119s")]
    [TestCase(120, "2m")]
    [TestCase(121, "2m1s")]
    [TestCase(9 * 60 + 59, "9m59s")]
    [TestCase(10 * 60, "10m")]
    [TestCase(10 * 60 + 30, "10m")]
    [TestCase(179 * 60 + 59, "179m")]
    [TestCase(3 * 3600, "3h")]
    [TestCase(3 * 3600 + 60, "3h1m")]
    [TestCase(7 * 3600 + 59 * 60, "7h59m")]
    [TestCase(8 * 3600, "8h")]
    [TestCase(47 * 3600 + 3599, "47h")]
    [TestCase(48 * 3600, "2d")]
    [TestCase(49 * 3600, "2d1h")]
    [TestCase(7 * 86400 + 23 * 3600, "7d23h")]
    [TestCase(8 * 86400, "8d")]
    [TestCase(729 * 86400, "729d")]
    [TestCase(730 * 86400, "2y")]
    [TestCase(731 * 86400, "2y1d")]
    [TestCase(8 * 365 * 86400 - 86400, "7y364d")]
    [TestCase(8 * 365 * 86400 + 86400, "8y")]
    [TestCase(20 * 365 * 86400, "20y")]
    public void Formats_like_apimachinery(long seconds, string expected) =>
        Assert.That(HumanDuration.Format(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));

    [Test]
    public void Fractions_of_a_second_are_dropped_toward_zero()
    {
        Assert.That(HumanDuration.Format(TimeSpan.FromMilliseconds(1999)), Is.EqualTo("1s"));
        Assert.That(HumanDuration.Format(TimeSpan.FromMilliseconds(-1999)), Is.EqualTo("0s"));
        Assert.That(HumanDuration.Format(TimeSpan.FromMilliseconds(-2000)), Is.EqualTo("<invalid>"));
    }
}
