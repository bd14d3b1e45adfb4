using KubeLab.ControlPlane.Api.Meta;
using KubeLab.ControlPlane.Printers;

namespace KubeLab.ControlPlane.Tests.Printers;

public class SelectorTextTests
{
    [Test]
    public void Label_maps_sort_as_whole_pairs()
    {
        // "a-b=1" sorts before "a=2" because '-' < '='; sorting by key alone would not.
        Assert.That(SelectorText.Labels(new Dictionary<string, string> { ["a"] = "2", ["a-b"] = "1" }), Is.EqualTo("a-b=1,a=2"));
        Assert.That(SelectorText.Labels(null), Is.EqualTo("<none>"));
        Assert.That(SelectorText.Labels(new Dictionary<string, string>()), Is.EqualTo("<none>"));
    }

    [Test]
    public void Selector_requirements_sort_by_key_with_values_sorted()
    {
        var selector = new LabelSelector
        {
            MatchLabels = new() { ["app"] = "web" },
            MatchExpressions =
            [
                new() { Key = "tier", Operator = "In", Values = ["front", "back"] },
                new() { Key = "canary", Operator = "DoesNotExist" },
                new() { Key = "env", Operator = "NotIn", Values = ["prod"] },
                new() { Key = "zone", Operator = "Exists" },
            ],
        };

        Assert.That(SelectorText.Selector(selector), Is.EqualTo("app=web,!canary,env notin (prod),tier in (back,front),zone"));
    }

    [Test]
    public void Empty_missing_and_invalid_selectors()
    {
        Assert.That(SelectorText.Selector(null), Is.EqualTo(""));
        Assert.That(SelectorText.Format(new LabelSelector()), Is.EqualTo("<none>"));
        var invalid = new LabelSelector { MatchExpressions = [new() { Key = "app", Operator = "In" }] };
        Assert.That(SelectorText.Selector(invalid), Is.Null);
        Assert.That(SelectorText.Format(invalid), Is.EqualTo("<error>"));
        Assert.That(SelectorText.Format(new LabelSelector { MatchLabels = new() { ["bad key!"] = "x" } }), Is.EqualTo("<error>"));
    }
}
