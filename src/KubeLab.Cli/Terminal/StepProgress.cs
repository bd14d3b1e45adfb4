using KubeLab.Scenarios.Model;
using KubeLab.Scenarios.Transcripts;

namespace KubeLab.Cli.Terminal;

/// <summary>
/// One line per step on stderr while a lesson runs, so stdout stays the transcript: <c>[2/6] ✓ List pods</c>.
/// On a terminal that can move its cursor the line shows the step while it runs and is then rewritten with
/// how it went; elsewhere only the finished line is written.
/// </summary>
internal sealed class StepProgress(TextWriter writer, bool rewrite, bool color)
{
    private int _total;

    public void Starting(int number, int total, Step step)
    {
        _total = total;
        if (!rewrite) return;
        writer.Write(Dim($"[{number}/{total}] {step.Title} …"));
        writer.Flush();
    }

    public void Finished(StepTranscript step)
    {
        // Carriage return and "erase to end of line" replace the running line with the finished one.
        if (rewrite) writer.Write("\r\u001b[K");
        var mark = step.Passed ? Paint("32", "✓") : Paint("31", "✗");
        writer.WriteLine($"[{step.Number}/{_total}] {mark} {step.Title}");
        writer.Flush();
    }

    private string Dim(string text) => Paint("2", text);

    private string Paint(string sgr, string text) => color ? $"\u001b[{sgr}m{text}\u001b[0m" : text;
}
