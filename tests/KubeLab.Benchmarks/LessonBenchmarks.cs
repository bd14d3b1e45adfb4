using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using KubeLab.Scenarios.Catalog;
using KubeLab.Scenarios.Clients;
using KubeLab.Scenarios.Loading;
using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Running;
using KubeLab.Scenarios.Transcripts;
using YamlDotNet.RepresentationModel;

namespace KubeLab.Benchmarks;

/// <summary>
/// Loading and running each bundled lesson (every lesson under scenarios/). Loading is measured against
/// YamlDotNet parsing the same file into a node tree, the least any YAML lesson costs to read. A run (a fresh
/// cluster, the lesson's set-up, every step with its settling controllers, the transcript) is measured against
/// the smallest run there is: a fresh cluster and one <c>kubectl get pods</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LessonBenchmarks
{
    private const string OneStepLesson = """
        id: one-step
        title: One step
        summary: The smallest run.
        level: beginner
        minutes: 1
        steps:
          - title: List pods
            narration: One GET.
            kubectl: get pods
        """;

    private static string Folder => LessonFolder.Find() ?? throw new InvalidOperationException($"no lessons folder ({LessonFolder.Describe()})");

    public static IEnumerable<string> Lessons() =>
        LessonFiles.Find(Folder).Select(f => Path.GetFileNameWithoutExtension(f)!);

    [ParamsSource(nameof(Lessons))]
    public string Lesson { get; set; } = "";

    private string _path = "";
    private string _text = "";
    private Scenario _scenario = null!;
    private Scenario _oneStep = null!;
    private readonly ScenarioRunner _runner = new(EmulatedClients.Create());

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Folder, Lesson + ".yaml");
        _text = File.ReadAllText(_path);
        _scenario = ScenarioLoader.LoadFile(_path).Scenario ?? throw new InvalidOperationException($"{_path} does not load: run kubelab validate");
        _oneStep = ScenarioLoader.Load(OneStepLesson, Path.Combine(Path.GetTempPath(), "one-step.yaml")).Scenario!;
        // Measure runs that pass: a failing step could end early and look fast.
        foreach (var lesson in new[] { _scenario, _oneStep })
            if (!_runner.RunAsync(lesson).GetAwaiter().GetResult().Passed) throw new InvalidOperationException($"lesson {lesson.Id} does not pass: run kubelab run {lesson.Id}");
    }

    [Benchmark(Baseline = true, Description = "YamlDotNet parse (baseline)"), BenchmarkCategory("Load")]
    public YamlStream ParseYaml()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(_text));
        return yaml;
    }

    [Benchmark(Description = "Load lesson"), BenchmarkCategory("Load")]
    public LoadResult Load() => ScenarioLoader.LoadFile(_path);

    [Benchmark(Baseline = true, Description = "Run one-step lesson (baseline)"), BenchmarkCategory("Run")]
    public Task<Transcript> RunOneStep() => _runner.RunAsync(_oneStep);

    [Benchmark(Description = "Run lesson"), BenchmarkCategory("Run")]
    public Task<Transcript> Run() => _runner.RunAsync(_scenario);
}
