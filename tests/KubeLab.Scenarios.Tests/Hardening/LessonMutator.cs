using System.Text;

namespace KubeLab.Scenarios.Tests.Hardening;

/// <summary>
/// Mutates a lesson file as a careless editor or a hostile upload would: flipped and junk bytes, cut, repeated,
/// dropped and swapped lines, broken indentation, alias bombs, deep nesting, binary blobs and oversized files.
/// </summary>
public sealed class LessonMutator(Random random)
{
    public byte[] Mutate(byte[] lesson)
    {
        var bytes = lesson;
        for (var i = 1 + random.Next(3); i > 0; i--) bytes = MutateOnce(bytes);
        return bytes;
    }

    private byte[] MutateOnce(byte[] bytes) => random.Next(13) switch
    {
        0 => Flip(bytes),
        1 => bytes.Length == 0 ? bytes : bytes[..random.Next(bytes.Length)],
        2 => Insert(bytes, Junk(1 + random.Next(32))),
        3 => Lines(bytes, lines => lines.Insert(random.Next(lines.Count + 1), lines[random.Next(lines.Count)])),
        4 => Lines(bytes, lines => lines.RemoveAt(random.Next(lines.Count))),
        5 => Lines(bytes, lines => { var (a, b) = (random.Next(lines.Count), random.Next(lines.Count)); (lines[a], lines[b]) = (lines[b], lines[a]); }),
        6 => Lines(bytes, lines => { var i = random.Next(lines.Count); lines[i] = new string(Pick([' ', '\t']), random.Next(1, 9)) + lines[i]; }),
        7 => Insert(bytes, Encoding.UTF8.GetBytes(AliasBomb())),
        8 => Insert(bytes, Encoding.UTF8.GetBytes(Nesting())),
        9 when random.Next(6) == 0 => Insert(bytes, Encoding.UTF8.GetBytes(new string('x', (1 << 20) + random.Next(4096)))),
        10 => Insert(bytes, Encoding.UTF8.GetBytes(Pick(["&a ", "*a ", "*nope", "!!binary ", "? ", "--- \n", "...\n", "%YAML 1.2\n", "\uFEFF", "{", "[", "'", "\"", ": ", "- ", "#", "|\n", ">-\n", "${", "${x}", "\\u0000"]))),
        11 => Junk(random.Next(4096)),
        _ => Flip(bytes),
    };

    private byte[] Flip(byte[] bytes)
    {
        if (bytes.Length == 0) return bytes;
        var copy = bytes.ToArray();
        for (var i = 1 + random.Next(6); i > 0; i--) copy[random.Next(copy.Length)] ^= (byte)(1 + random.Next(255));
        return copy;
    }

    private byte[] Insert(byte[] bytes, byte[] insert)
    {
        var at = random.Next(bytes.Length + 1);
        return [.. bytes[..at], .. insert, .. bytes[at..]];
    }

    private byte[] Junk(int length)
    {
        var junk = new byte[length];
        random.NextBytes(junk);
        return junk;
    }

    private byte[] Lines(byte[] bytes, Action<List<string>> edit)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
        if (lines.Count > 0) edit(lines);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private string AliasBomb()
    {
        var text = new StringBuilder("\nb0: &b0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 2 + random.Next(12); i++) text.Append($"b{i}: &b{i} [{string.Join(", ", Enumerable.Repeat($"*b{i - 1}", 10))}]\n");
        return text.ToString();
    }

    private string Nesting()
    {
        var depth = Pick([70, 1_000, 100_000]);
        return random.Next(2) == 0
            ? "\nn: " + new string('[', depth) + new string(']', random.Next(2) * depth) + "\n"
            : "\n" + string.Concat(Enumerable.Range(0, Math.Min(depth, 3_000)).Select(i => new string(' ', i) + "k:\n"));
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
