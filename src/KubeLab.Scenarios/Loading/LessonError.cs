using KubeLab.Scenarios.Model;

namespace KubeLab.Scenarios.Loading;

/// <summary>
/// One thing wrong with a lesson, where it is, and what would be right:
/// <c>pods.yaml (12,5): unknown key 'narraton' — did you mean 'narration'?</c>
/// </summary>
/// <param name="File">The file as the author named it (a side file's errors name the side file).</param>
public sealed record LessonError(string File, SourcePosition At, string Message)
{
    public override string ToString() => $"{File} {At}: {Message}";
}

/// <summary>A loaded lesson, or every error found in it (never both).</summary>
public sealed record LoadResult(Scenario? Scenario, IReadOnlyList<LessonError> Errors)
{
    public bool Succeeded => Scenario is not null;
}
