using KubeLab.ControlPlane.Patching;
using static KubeLab.ControlPlane.Tests.Patching.PatchTestJson;

namespace KubeLab.ControlPlane.Tests.Patching;

public class JsonMergePatchTests
{
    [Test]
    public void Objects_merge_and_null_removes_a_key()
    {
        var result = JsonMergePatch.Apply(Obj("""{"a":{"b":1,"c":2},"d":3}"""), Obj("""{"a":{"b":null,"e":4},"d":null}"""));
        Assert.That(Compact(result), Is.EqualTo("""{"a":{"c":2,"e":4}}"""));
    }

    [Test]
    public void Lists_are_replaced_whole()
    {
        var result = JsonMergePatch.Apply(Obj("""{"l":[1,2,3]}"""), Obj("""{"l":[4]}"""));
        Assert.That(Compact(result), Is.EqualTo("""{"l":[4]}"""));
    }

    [Test]
    public void Nulls_inside_a_new_value_are_dropped()
    {
        var result = JsonMergePatch.Apply(Obj("""{"a":1}"""), Obj("""{"b":{"c":null,"d":{"e":null,"f":1}}}"""));
        Assert.That(Compact(result), Is.EqualTo("""{"a":1,"b":{"d":{"f":1}}}"""));
    }

    [Test]
    public void A_non_object_value_replacing_an_object_keeps_its_nulls()
    {
        var result = JsonMergePatch.Apply(Obj("""{"a":{"b":1}}"""), Obj("""{"a":[{"x":null}]}"""));
        Assert.That(Compact(result), Is.EqualTo("""{"a":[{"x":null}]}"""));
    }

    [Test]
    public void The_original_document_is_left_untouched()
    {
        var original = Obj("""{"a":{"b":1}}""");
        JsonMergePatch.Apply(original, Obj("""{"a":{"b":2}}"""));
        Assert.That(Compact(original), Is.EqualTo("""{"a":{"b":1}}"""));
    }

    [Test]
    public void Merge_patch_on_a_pod_replaces_the_container_list()
    {
        var result = Patch(PatchTypes.MergePatch, Pod(), """{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]},"metadata":{"labels":{"tier":null}}}""");
        Assert.Multiple(() =>
        {
            Assert.That(Compact(result["spec"]!["containers"]), Is.EqualTo("""[{"name":"nginx","image":"nginx:1.28"}]"""));
            Assert.That(Compact(result["metadata"]!["labels"]), Is.EqualTo("""{"app":"web"}"""));
        });
    }
}
