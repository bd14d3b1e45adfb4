namespace KubeLab.Site.Sandbox;

/// <summary>
/// A terminal's history, as a shell keeps it: ↑ recalls earlier lines, ↓ later ones and finally what was being typed
/// before ↑ was first pressed. A line that repeats the one before it is kept once.
/// </summary>
public sealed class CommandHistory
{
    private readonly List<string> _lines = [];
    /// <summary>Where ↑/↓ have got to: _lines.Count is "the line being typed".</summary>
    private int _position;
    private string _draft = "";

    public IReadOnlyList<string> Lines => _lines;

    public void Add(string line)
    {
        if (line.Trim().Length > 0 && (_lines.Count == 0 || _lines[^1] != line)) _lines.Add(line);
        _position = _lines.Count;
        _draft = "";
    }

    /// <summary>The line before the one shown (<paramref name="typed"/> is kept as the draft when leaving it).</summary>
    public string Previous(string typed)
    {
        if (_position == _lines.Count) _draft = typed;
        if (_position > 0) _position--;
        return _position < _lines.Count ? _lines[_position] : _draft;
    }

    public string Next()
    {
        if (_position < _lines.Count) _position++;
        return _position < _lines.Count ? _lines[_position] : _draft;
    }
}
