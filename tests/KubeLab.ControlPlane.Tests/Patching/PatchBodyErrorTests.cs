using System.Text;
using KubeLab.ControlPlane.Patching;
using KubeLab.ControlPlane.Serialization;
using static KubeLab.ControlPlane.Tests.Patching.PatchTestJson;

namespace KubeLab.ControlPlane.Tests.Patching;

/// <summary>Malformed patch bodies answer as the apiserver answers them, with Go's decoder texts.</summary>
public class PatchBodyErrorTests
{
    [TestCase("x", "invalid character 'x' looking for beginning of value")]
    [TestCase("", "unexpected end of JSON input")]
    [TestCase("{\"a\"", "unexpected end of JSON input")]
    [TestCase("{a}", "invalid character 'a' looking for beginning of object key string")]
    [TestCase("{\"a\" 1}", "invalid character '1' after object key")]
    [TestCase("{\"a\":1 \"b\":2}", "invalid character '\"' after object key:value pair")]
    [TestCase("[1 2]", "invalid character '2' after array element")]
    [TestCase("{} {}", "invalid character '{' after top-level value")]
    [TestCase("tru", "invalid character ' ' in literal true (expecting 'e')")]
    [TestCase("nul!", "invalid character '!' in literal null (expecting 'l')")]
    [TestCase("-", "invalid character ' ' in numeric literal")]
    [TestCase("1.", "invalid character ' ' after decimal point in numeric literal")]
    [TestCase("1e+", "invalid character ' ' in exponent of numeric literal")]
    [TestCase("\"a\\qb\"", "invalid character 'q' in string escape code")]
    [TestCase("\"\\u12x4\"", "invalid character 'x' in \\u hexadecimal character escape")]
    [TestCase("\"a\nb\"", "invalid character '\\n' in string literal")]
    [TestCase("'a'", "invalid character '\\'' looking for beginning of value")]
    public void Syntax_errors_are_worded_as_go_words_them(string body, string message) =>
        Assert.That(GoJsonSyntax.Check(Encoding.UTF8.GetBytes(body)), Is.EqualTo(message));

    [Test]
    public void Nesting_beyond_the_limit_is_refused() =>
        Assert.That(GoJsonSyntax.Check(Encoding.UTF8.GetBytes(new string('[', 3) + new string(']', 3)), maxNesting: 2),
            Is.EqualTo("invalid character '[' exceeded max depth"));

    [TestCase(PatchTypes.MergePatch, "x", "error decoding patch: invalid character 'x' looking for beginning of value")]
    [TestCase(PatchTypes.MergePatch, "[1]", "error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}")]
    [TestCase(PatchTypes.MergePatch, "null", "Invalid JSON Patch")]
    [TestCase(PatchTypes.StrategicMergePatch, "{\"spec\":}", "invalid character '}' looking for beginning of value")]
    [TestCase(PatchTypes.StrategicMergePatch, "\"x\"", "json: cannot unmarshal string into Go value of type map[string]interface {}")]
    [TestCase(PatchTypes.JsonPatch, "{}", "error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp")]
    [TestCase(PatchTypes.JsonPatch, "[1]", "error decoding patch: json: cannot unmarshal number into Go value of type handlers.jsonPatchOp")]
    [TestCase(PatchTypes.JsonPatch, "[{\"op\":1}]", "error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.op of type string")]
    [TestCase(PatchTypes.ApplyYaml, "- a", "error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}")]
    public void Undecodable_bodies_are_400_bad_request(string contentType, string body, string message)
    {
        var error = Fails(contentType, Pod(), body, new PatchOptions { FieldManager = "kubectl" });
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(400));
            Assert.That(error.Status.Reason, Is.EqualTo("BadRequest"));
            Assert.That(error.Status.Message, Is.EqualTo(message));
        });
    }

    [Test]
    public void A_yaml_syntax_error_names_its_line_as_sigs_yaml_does()
    {
        var error = Fails(PatchTypes.ApplyYaml, Pod(), "apiVersion: v1\nkind: Pod\nmetadata: name: web", new PatchOptions { FieldManager = "kubectl" });
        Assert.That(error.Code, Is.EqualTo(400));
        Assert.That(error.Status.Message, Does.StartWith("error decoding YAML: error converting YAML to JSON: yaml: line 3: "));
    }

    [TestCase(PatchTypes.MergePatch, "x", "Invalid JSON Patch")]
    [TestCase(PatchTypes.JsonPatch, "{}", "json: cannot unmarshal object into Go value of type jsonpatch.Patch")]
    [TestCase(PatchTypes.JsonPatch, "x", "invalid character 'x' looking for beginning of value")]
    public void Without_strict_decoding_the_library_words_the_error(string contentType, string body, string message) =>
        Assert.That(Fails(contentType, Pod(), body, new PatchOptions { FieldValidation = "Ignore" }).Status.Message, Is.EqualTo(message));

    [TestCase("application/json")]
    [TestCase("text/plain")]
    [TestCase(null)]
    public void An_unknown_patch_type_is_415_as_go_restful_words_it(string? contentType)
    {
        var error = Assert.Throws<KubeLab.ControlPlane.Errors.ApiException>(() =>
            PatchApplier.Apply(contentType, Pod(), "{}"u8, typeof(KubeLab.ControlPlane.Api.Core.Pod)))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(415));
            Assert.That(error.Status.Reason, Is.EqualTo("UnsupportedMediaType"));
            Assert.That(error.Status.Message, Is.EqualTo("415: Unsupported Media Type"));
        });
    }

    [Test]
    public void Media_type_parameters_are_ignored() =>
        Assert.That(Patch("application/merge-patch+json; charset=utf-8", Pod(), """{"spec":{"restartPolicy":"Never"}}""")["spec"]!["restartPolicy"]!.GetValue<string>(),
            Is.EqualTo("Never"));

    [Test]
    public void Too_many_json_patch_operations_are_413()
    {
        var body = "[" + string.Join(",", Enumerable.Repeat("""{"op":"test","path":"/kind","value":"Pod"}""", JsonPatch.MaxOperations + 1)) + "]";
        var error = Fails(PatchTypes.JsonPatch, Pod(), body);
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(413));
            Assert.That(error.Status.Message, Is.EqualTo("Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001"));
        });
    }

    [Test]
    public void Duplicate_keys_are_reported_as_strict_errors()
    {
        var result = PatchApplier.Apply(PatchTypes.MergePatch, Pod(), """{"metadata":{"labels":{"a":"1","a":"2"}}}"""u8, typeof(KubeLab.ControlPlane.Api.Core.Pod));
        Assert.Multiple(() =>
        {
            Assert.That(result.StrictErrors, Is.EqualTo(new[] { "duplicate field \"metadata.labels.a\"" }));
            Assert.That(result.Object["metadata"]!["labels"]!["a"]!.GetValue<string>(), Is.EqualTo("2"));
        });
    }

    [Test]
    public void A_strategic_patch_error_upstream_answers_with_a_500_is_a_bad_request_here()
    {
        var error = Fails(PatchTypes.StrategicMergePatch, Pod(), """{"spec":{"containers":[{"image":"x"}]}}""");
        Assert.Multiple(() =>
        {
            // kube-apiserver answers this as a 500; KubeLab never blames the server for a client's patch.
            Assert.That(error.Code, Is.EqualTo(400));
            Assert.That(error.Status.Reason, Is.EqualTo("BadRequest"));
            Assert.That(error.Status.Message, Is.EqualTo("map: map[image:x] does not contain declared merge key: name"));
        });
    }

    [Test]
    public void A_bad_retain_keys_directive_is_400()
    {
        var error = Fails(PatchTypes.StrategicMergePatch, Pod(), """{"spec":{"$retainKeys":"nope"}}""");
        Assert.That((error.Code, error.Status.Message), Is.EqualTo((400, "invalid patch format of retainKeys")));
    }
}
