using KubeLab.Scenarios.Loading;

namespace KubeLab.Scenarios.Tests.Loading;

public class SuggestionsTests
{
    [TestCase("narraton", "narration")]
    [TestCase("gett", "get")]
    [TestCase("kubeclt", "kubectl")]
    [TestCase("expcet", "expect")]
    [TestCase("namspace", "namespace")]
    [TestCase("Titel", "title")]
    public void TyposGetTheClosestKey(string typo, string expected) =>
        Assert.That(Suggestions.Closest(typo, ["title", "narration", "get", "kubectl", "expect", "namespace", "narrative"]), Is.EqualTo(expected));

    [TestCase("shell")]
    [TestCase("x")]
    [TestCase("completely-different")]
    public void FarWordsGetNoSuggestion(string word) =>
        Assert.That(Suggestions.Closest(word, ["title", "narration", "kubectl", "expect"]), Is.Null);

    [Test]
    public void SwappedNeighboursCountAsOneEdit() => Assert.That(Suggestions.Distance("kubeclt", "kubectl"), Is.EqualTo(1));
}
