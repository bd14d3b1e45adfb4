using System.Text.Json.Nodes;
using KubeLab.ControlPlane.Patching;
using KubeLab.ControlPlane.Serialization;

namespace KubeLab.ControlPlane.Tests.Patching;

/// <summary>A wire type with the patch tags of upstream's strategic-merge test type.</summary>
public sealed class MergeItem
{
    public string? Name { get; set; }
    public string? Value { get; set; }
    public string? Other { get; set; }
    [PatchMergeKey("name")] public List<MergeItem>? MergingList { get; set; }
    public List<MergeItem>? NonMergingList { get; set; }
    [PatchStrategy("merge")] public List<int>? MergingIntList { get; set; }
    public List<int>? NonMergingIntList { get; set; }
    public Dictionary<string, string>? SimpleMap { get; set; }
    [PatchStrategy("retainKeys")] public MergeItem? RetainKeysMap { get; set; }
}

/// <summary>Live object + server-side patch → result cases in the style of upstream's patch_test.go.</summary>
public class StrategicMergeUpstreamCaseTests
{
    private static readonly object[] Cases =
    [
        new object[] { "merge lists of scalars",
            "mergingIntList: [1, 2, 4]",
            "{$setElementOrder/mergingIntList: [1, 2, 3], mergingIntList: [3]}",
            "mergingIntList: [1, 2, 3, 4]" },
        new object[] { "add an item in a list of primitives and preserve order",
            "mergingIntList: [1, 4, 2]",
            "{$setElementOrder/mergingIntList: [3, 1, 2], mergingIntList: [3]}",
            "mergingIntList: [3, 1, 4, 2]" },
        new object[] { "delete an item in a list of primitives and preserve order",
            "mergingIntList: [1, 2, 3]",
            "{$setElementOrder/mergingIntList: [2, 1], $deleteFromPrimitiveList/mergingIntList: [3]}",
            "mergingIntList: [2, 1]" },
        new object[] { "deleting a missing primitive does not add it",
            "mergingIntList: [1, 2]",
            "{$deleteFromPrimitiveList/mergingIntList: [3]}",
            "mergingIntList: [1, 2]" },
        new object[] { "deleting from a missing primitive list does not add the list",
            "foo: [bar]",
            "{$deleteFromPrimitiveList/mergingIntList: [3]}",
            "foo: [bar]" },
        new object[] { "set element order with server-only items",
            "mergingList: [{name: 1, other: a}, {name: 3, value: 3}, {name: 4, value: 4}, {name: 2, value: 2}, {name: 9}]",
            "{$setElementOrder/mergingList: [{name: 4}, {name: 2}, {name: 3}, {name: 1}]}",
            "mergingList: [{name: 4, value: 4}, {name: 2, value: 2}, {name: 3, value: 3}, {name: 1, other: a}, {name: 9}]" },
        new object[] { "set element order with server-only items in the middle",
            "mergingList: [{name: 1, other: a}, {name: 2, value: 2}, {name: 7}, {name: 9}, {name: 8}, {name: 3, value: 3}, {name: 4, value: 4}]",
            "{$setElementOrder/mergingList: [{name: 2}, {name: 1}, {name: 4}, {name: 3}]}",
            "mergingList: [{name: 2, value: 2}, {name: 1, other: a}, {name: 7}, {name: 9}, {name: 8}, {name: 4, value: 4}, {name: 3, value: 3}]" },
        new object[] { "set element order names an item the list lacks",
            "mergingList: [{name: 1}, {name: 3}]",
            "{$setElementOrder/mergingList: [{name: 3}, {name: 2}, {name: 1}], mergingList: [{name: 3, value: 3}, {name: 1, value: 1}]}",
            "mergingList: [{name: 3, value: 3}, {name: 1, value: 1}]" },
        new object[] { "delete map from merging list",
            "mergingList: [{name: 1}, {name: 2, other: b}]",
            "{$setElementOrder/mergingList: [{name: 2}], mergingList: [{name: 1, $patch: delete}]}",
            "mergingList: [{name: 2, other: b}]" },
        new object[] { "replace non merging list nested in merging list",
            "mergingList: [{name: 1, other: a, nonMergingList: [{name: 1}, {name: 2, value: 2}]}, {name: 2, other: b}]",
            "{$setElementOrder/mergingList: [{name: 1}, {name: 2}], mergingList: [{name: 1, nonMergingList: [{name: 1, value: 1}]}]}",
            "mergingList: [{name: 1, other: a, nonMergingList: [{name: 1, value: 1}]}, {name: 2, other: b}]" },
        new object[] { "retainKeys adds a field and clears a field",
            "retainKeysMap: {name: foo, other: a}",
            "{retainKeysMap: {$retainKeys: [name, value], value: bar}}",
            "retainKeysMap: {name: foo, value: bar}" },
        new object[] { "retainKeys deletes a field",
            "retainKeysMap: {name: foo, value: bar}",
            "{retainKeysMap: {$retainKeys: [name], value: null}}",
            "retainKeysMap: {name: foo}" },
        new object[] { "replace directive on a list keeps only the patch items",
            "mergingList: [{name: 1, value: a}, {name: 2}]",
            "{mergingList: [{name: 3}, {$patch: replace}]}",
            "mergingList: [{name: 3}]" },
        new object[] { "replace directive on a map",
            "simpleMap: {a: '1', b: '2'}",
            "{simpleMap: {$patch: replace, c: '3'}}",
            "simpleMap: {c: '3'}" },
        new object[] { "delete directive on a map empties it",
            "simpleMap: {a: '1'}",
            "{simpleMap: {$patch: delete}}",
            "simpleMap: {}" },
    ];

    [TestCaseSource(nameof(Cases))]
    public void Patch_gives_upstream_result(string description, string current, string patch, string expected)
    {
        var result = StrategicMergePatch.Apply(Yaml(current), Yaml(patch), typeof(MergeItem));
        Assert.That(JsonNode.DeepEquals(result, Yaml(expected)), Is.True, $"{description}: {result.ToJsonString()}");
    }

    [TestCase("mergingList: [{name: 1, value: a}]", "{mergingList: [{value: b}]}",
        "map: map[value:b] does not contain declared merge key: name")]
    [TestCase("mergingList: [{name: 1}, {name: 3}, {name: 2}]",
        "{$setElementOrder/mergingList: [{name: 1}, {name: 2}, {name: 3}], mergingList: [{name: 3, value: 3}, {name: 1, value: 1}]}",
        "The order in patch list:\n[map[name:3 value:3] map[name:1 value:1]]\n doesn't match $setElementOrder list:\n[map[name:1] map[name:2] map[name:3]]\n")]
    [TestCase("mergingList: [{name: 1}]", "{mergingList: [{name: 1, $patch: merge}]}", "merging lists cannot yet be specified in the patch")]
    [TestCase("simpleMap: {a: '1'}", "{simpleMap: {$patch: merge}}", "unknown patch type: merge in map: map[$patch:merge]")]
    [TestCase("retainKeysMap: {name: foo}", "{retainKeysMap: {$retainKeys: [name], value: bar}}", "invalid patch format of retainKeys")]
    [TestCase("mergingIntList: [1]", "{$deleteFromPrimitiveList: [1]}", "invalid patch format of primitive list")]
    [TestCase("mergingIntList: []", "{mergingIntList: [[2]]}", "lists of lists are not supported")]
    [TestCase("mergingIntList: [1]", "{mergingIntList: [a]}", "list element types are not identical: [[1] [a]]")]
    public void Malformed_patches_fail_with_upstream_text(string current, string patch, string message)
    {
        var failure = Assert.Throws<PatchFailure>(() => StrategicMergePatch.Apply(Yaml(current), Yaml(patch), typeof(MergeItem)))!;
        Assert.That(failure.Message, Is.EqualTo(message));
    }

    private static JsonObject Yaml(string text) => YamlToJson.Convert(text)!.AsObject();
}
