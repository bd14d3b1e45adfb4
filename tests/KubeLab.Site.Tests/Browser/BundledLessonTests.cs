using KubeLab.Scenarios.Catalog;
using KubeLab.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KubeLab.Site.Tests.Browser;

/// <summary>
/// Every bundled lesson plays in the site to its last step: the page renders it, says nothing went wrong that the
/// lesson did not expect, raises no console error, and passes axe-core. (Whether each step's checks hold is the
/// lesson's own test, BundledLessonTests in KubeLab.Scenarios.Tests.)
/// </summary>
public class BundledLessonTests : BrowserTest
{
    public static IEnumerable<TestCaseData> Lessons() =>
        LessonCatalog.Load(Path.Combine(RepositoryRoot.Path, "scenarios")).Lessons
            .Select(l => new TestCaseData(l.Scenario!.Id, l.Scenario.Steps.Count).SetArgDisplayNames(l.Scenario.Id));

    [TestCaseSource(nameof(Lessons))]
    public async Task PlaysToItsLastStep(string id, int steps)
    {
        await OpenAsync($"/lessons/{id}/steps/{steps}");
        await Expect(Page.Locator("#step-title")).ToContainTextAsync($"Step {steps} of {steps}");
        await Expect(Page.Locator(".outline li.passed")).ToHaveCountAsync(steps);
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Next") })).ToBeDisabledAsync();
        await AssertAccessibleAsync();
    }
}
