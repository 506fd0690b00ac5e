namespace FleetTui.Core.Config.Toml;

/// <summary>
/// A TOML value that remembers where it was written. Tomlyn's model drops positions and its serializer ignores unknown
/// keys, so the loader reads this tree instead and can point every complaint at a line and column.
/// </summary>
public abstract record TomlNode(SourcePosition Position)
{
    /// <summary>How messages name the kind of value ("a string", "an integer", ...).</summary>
    public abstract string Description { get; }
}

public sealed record TomlStringNode(string Value, SourcePosition Position, string RawText) : TomlNode(Position)
{
    public override string Description => "a string";

    /// <summary>
    /// Where <paramref name="fragment"/> (text found in <see cref="Value"/>) was written, so an error can point inside the string.
    /// Exact when the fragment appears verbatim in the source (no escapes within it); otherwise the string's own position.
    /// </summary>
    public SourcePosition PositionOf(string fragment)
    {
        var offset = RawText.IndexOf(fragment, StringComparison.Ordinal);
        if (offset < 0)
            return Position;
        var line = Position.Line;
        var column = Position.Column;
        for (var i = 0; i < offset; i++)
        {
            if (RawText[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new SourcePosition(line, column);
    }
}

public sealed record TomlIntegerNode(long Value, SourcePosition Position) : TomlNode(Position)
{
    public override string Description => "an integer";
}

public sealed record TomlBooleanNode(bool Value, SourcePosition Position) : TomlNode(Position)
{
    public override string Description => "a boolean";
}

/// <summary>A float or a date/time: valid TOML, but nothing in fleet.toml takes one.</summary>
public sealed record TomlOtherNode(string Kind, SourcePosition Position) : TomlNode(Position)
{
    public override string Description => Kind;
}

public sealed record TomlArrayNode(IReadOnlyList<TomlNode> Items, SourcePosition Position, bool IsArrayOfTables = false)
    : TomlNode(Position)
{
    public override string Description => IsArrayOfTables ? "an array of tables" : "an array";
}

/// <summary>A table (a <c>[header]</c> table, an inline table, or one element of a <c>[[header]]</c> array), keys in file order.</summary>
public sealed record TomlTableNode(IReadOnlyList<TomlEntry> Entries, SourcePosition Position) : TomlNode(Position)
{
    public override string Description => "a table";

    public TomlEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key == key);
}
