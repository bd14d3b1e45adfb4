namespace KubeLab.Scenarios.Model;

/// <summary>
/// Where a value was written in a lesson file (1-based line and column), so a runner can blame a
/// failed check on the line that declared it, as the loader blames its errors.
/// </summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static readonly SourcePosition Start = new(1, 1);

    public override string ToString() => $"({Line},{Column})";
}
