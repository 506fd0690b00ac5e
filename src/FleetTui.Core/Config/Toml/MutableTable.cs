namespace FleetTui.Core.Config.Toml;

/// <summary>
/// A table while the document is being read: TOML lets a table be extended after it was opened
/// (<c>[fleet]</c> then <c>[fleet.env]</c>, dotted keys), so tables stay open until <see cref="Freeze"/>.
/// </summary>
internal sealed class MutableTable(SourcePosition position)
{
    private readonly List<(string Key, SourcePosition KeyPosition, object Value)> _entries = [];

    public MutableTable ChildTable(string key, SourcePosition keyPosition, string displayName)
    {
        var index = _entries.FindIndex(e => e.Key == key);
        if (index < 0)
        {
            var table = new MutableTable(keyPosition);
            _entries.Add((key, keyPosition, table));
            return table;
        }

        return _entries[index].Value switch
        {
            MutableTable table => table,
            List<MutableTable> tables when tables.Count > 0 => tables[^1],
            _ => throw new ConfigException(displayName, keyPosition, $"key '{key}' is already defined as a value, not a table"),
        };
    }

    public MutableTable AppendToTableArray(string key, SourcePosition keyPosition, SourcePosition headerPosition, string displayName)
    {
        var index = _entries.FindIndex(e => e.Key == key);
        List<MutableTable> tables;
        if (index < 0)
        {
            tables = [];
            _entries.Add((key, keyPosition, tables));
        }
        else
        {
            tables = _entries[index].Value as List<MutableTable>
                ?? throw new ConfigException(displayName, keyPosition, $"key '{key}' is already defined, not as an array of tables");
        }

        var table = new MutableTable(headerPosition);
        tables.Add(table);
        return table;
    }

    public void Add(string key, SourcePosition keyPosition, TomlNode value, string displayName)
    {
        if (_entries.Any(e => e.Key == key))
            throw new ConfigException(displayName, keyPosition, $"key '{key}' is defined twice");
        _entries.Add((key, keyPosition, value));
    }

    public TomlTableNode Freeze() => new(_entries.Select(e => new TomlEntry(e.Key, e.KeyPosition, FreezeValue(e.Value, e.KeyPosition))).ToList(), position);

    private static TomlNode FreezeValue(object value, SourcePosition keyPosition) => value switch
    {
        TomlNode node => node,
        MutableTable table => table.Freeze(),
        List<MutableTable> tables => new TomlArrayNode(tables.Select(t => (TomlNode)t.Freeze()).ToList(), keyPosition, IsArrayOfTables: true),
        _ => throw new InvalidOperationException($"unexpected table entry {value.GetType().Name}"),
    };
}
