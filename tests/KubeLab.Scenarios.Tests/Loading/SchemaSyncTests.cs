using System.Text.Json.Nodes;
using KubeLab.Scenarios.Loading;

namespace KubeLab.Scenarios.Tests.Loading;

/// <summary>
/// scenarios/lesson.schema.json and the loader accept the same keys. Every closed mapping of the
/// schema (additionalProperties: false) must be a loader shape and the other way round, so a key
/// added to one side only, or a shape the schema forgot, fails here.
/// </summary>
public class SchemaSyncTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Schema))!.AsObject();
    private static readonly JsonObject Definitions = Schema["definitions"]!.AsObject();

    private static Dictionary<string, JsonObject> ClosedDefinitions() =>
        Definitions.Where(d => d.Value!["additionalProperties"] is JsonValue v && !v.GetValue<bool>())
            .ToDictionary(d => d.Key, d => d.Value!.AsObject());

    [Test]
    public void EveryClosedMappingOfTheSchemaIsALoaderShapeAndViceVersa()
    {
        var closed = ClosedDefinitions();
        Assert.That(LessonShapes.All, Has.Count.GreaterThan(10));
        Assert.That(closed.Keys, Is.EquivalentTo(LessonShapes.All.Select(s => s.Name)));
        Assert.That(Schema["$ref"]!.GetValue<string>(), Is.EqualTo("#/definitions/lesson"));
    }

    public static IEnumerable<TestCaseData> Shapes() => LessonShapes.All.Select(s => new TestCaseData(s.Name).SetName($"Shape {s.Name}"));

    [TestCaseSource(nameof(Shapes))]
    public void KeysAndRequiredKeysMatch(string name)
    {
        var shape = LessonShapes.All.Single(s => s.Name == name);
        Assert.That(Definitions.ContainsKey(name), $"the schema has no definition '{name}'");
        var definition = Definitions[name]!.AsObject();
        var properties = definition["properties"]!.AsObject().Select(p => p.Key);
        var required = definition["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [];
        Assert.Multiple(() =>
        {
            Assert.That(properties, Is.EquivalentTo(shape.Keys), "keys");
            Assert.That(required, Is.EquivalentTo(shape.Required), "required keys");
        });
    }

    [Test]
    public void AStepHasExactlyOneOfTheLoadersActions()
    {
        var oneOf = Definitions["step"]!["oneOf"]!.AsArray().Select(o => o!["required"]!.AsArray().Single()!.GetValue<string>());
        Assert.That(oneOf, Is.EqualTo(LessonShapes.Actions));
    }

    [Test]
    public void EnumerationsMatchTheLoader() => Assert.Multiple(() =>
    {
        Assert.That(Enum(Definitions["lesson"]!["properties"]!["level"]!), Is.EqualTo(MetadataReader.Levels));
        Assert.That(Enum(Definitions["http"]!["properties"]!["method"]!), Is.EqualTo(ExchangeReader.Methods));
    });

    [Test]
    public void EveryReferenceResolves()
    {
        var references = Schema.ToJsonString().Split("\"$ref\":\"").Skip(1).Select(r => r[..r.IndexOf('"')]).Distinct().ToList();
        Assert.That(references, Is.Not.Empty);
        Assert.That(references.Where(r => !Definitions.ContainsKey(r.Replace("#/definitions/", ""))), Is.Empty);
    }

    [TestCaseSource(typeof(BundledLessonTests), nameof(BundledLessonTests.Lessons))]
    public void BundledLessonsNameTheSchemaForEditors(string file) =>
        Assert.That(File.ReadLines(Path.Combine(RepositoryPaths.Scenarios, file)).First(),
            Is.EqualTo("# yaml-language-server: $schema=./lesson.schema.json"));

    private static IEnumerable<string> Enum(JsonNode node) => node["enum"]!.AsArray().Select(e => e!.GetValue<string>());
}
