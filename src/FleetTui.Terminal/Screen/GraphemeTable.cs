namespace FleetTui.Terminal.Screen;

/// <summary>
/// Interned text of cells that hold a base character plus combining marks. Bounded: past the limit, new marks are dropped
/// (the base character stays), so a stream of distinct combining sequences cannot grow memory without end.
/// </summary>
public sealed class GraphemeTable
{
    public const int Limit = 65536;
    public const int MaxClusterLength = 32;

    private readonly List<string> _texts = [];
    private readonly Dictionary<string, int> _indices = new(StringComparer.Ordinal);

    public int Count => _texts.Count;

    public string this[int index] => _texts[index];

    /// <summary>Index of <paramref name="text"/>, adding it; -1 when the table is full or the cluster too long.</summary>
    internal int Intern(string text)
    {
        if (_indices.TryGetValue(text, out var index))
            return index;
        if (_texts.Count >= Limit || text.Length > MaxClusterLength)
            return -1;
        _texts.Add(text);
        _indices[text] = _texts.Count - 1;
        return _texts.Count - 1;
    }

    internal void Clear()
    {
        _texts.Clear();
        _indices.Clear();
    }
}
