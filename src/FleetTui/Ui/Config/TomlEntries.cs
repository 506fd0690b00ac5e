using FleetTui.Core.Config;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace FleetTui.Ui.Config;

/// <summary>
/// Reads a small TOML file (user config, theme) as a flat list of positioned entries, so the loaders can reject
/// unknown keys and wrong types with file:line:col. Tomlyn's serializer would silently ignore both.
/// </summary>
public static class TomlEntries
{
    public static IReadOnlyList<TomlEntry> Read(string text, string displayName)
    {
        var document = SyntaxParser.Parse(text, displayName);
        foreach (var diagnostic in document.Diagnostics)
        {
            if (diagnostic.Kind == DiagnosticMessageKind.Error)
                throw new ConfigException(displayName, At(diagnostic.Span), diagnostic.Message);
        }

        var entries = new List<TomlEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string table, KeyValueSyntax keyValue)
        {
            var key = KeyText(keyValue.Key!);
            var position = At(keyValue.Span);
            if (!seen.Add(table + "\0" + key))
                throw new ConfigException(displayName, position, $"duplicate key '{key}'{(table.Length > 0 ? $" in [{table}]" : "")}");
            entries.Add(new TomlEntry(table, key, keyValue.Value!, position, At(keyValue.Value!.Span)));
        }

        foreach (var keyValue in document.KeyValues)
            Add("", keyValue);
        foreach (var table in document.Tables)
        {
            if (table is TableArraySyntax)
                throw new ConfigException(displayName, At(table.Span), $"[[{KeyText(table.Name!)}]] is not allowed here");
            var name = KeyText(table.Name!);
            foreach (var keyValue in table.Items)
                Add(name, keyValue);
        }
        return entries;
    }

    public static string String(TomlEntry entry, string displayName) =>
        entry.Value is StringValueSyntax text
            ? text.Value ?? ""
            : throw new ConfigException(displayName, entry.ValuePosition, $"'{entry.Key}' must be a string");

    /// <summary>An integer in <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static long Integer(TomlEntry entry, string displayName, long min, long max) =>
        entry.Value is IntegerValueSyntax number
            ? number.Value >= min && number.Value <= max
                ? number.Value
                : throw new ConfigException(displayName, entry.ValuePosition, $"'{entry.Key}' must be between {min} and {max} (got {number.Value})")
            : throw new ConfigException(displayName, entry.ValuePosition, $"'{entry.Key}' must be an integer");

    public static bool Bool(TomlEntry entry, string displayName) =>
        entry.Value is BooleanValueSyntax flag
            ? flag.Value
            : throw new ConfigException(displayName, entry.ValuePosition, $"'{entry.Key}' must be true or false");

    /// <summary>A string or an array of strings, each with its position.</summary>
    public static IReadOnlyList<(string Text, SourcePosition Position)> StringList(TomlEntry entry, string displayName)
    {
        switch (entry.Value)
        {
            case StringValueSyntax single:
                return [(single.Value ?? "", entry.ValuePosition)];
            case ArraySyntax array:
                var items = new List<(string, SourcePosition)>();
                foreach (var item in array.Items)
                {
                    if (item.Value is not StringValueSyntax text)
                        throw new ConfigException(displayName, At(item.Span), $"'{entry.Key}' must list strings");
                    items.Add((text.Value ?? "", At(text.Span)));
                }
                return items;
            default:
                throw new ConfigException(displayName, entry.ValuePosition, $"'{entry.Key}' must be a string or an array of strings");
        }
    }

    public static SourcePosition At(SourceSpan span) => new(span.Start.Line + 1, span.Start.Column + 1);

    private static string KeyText(KeySyntax key)
    {
        var parts = new List<string> { Part(key.Key) };
        foreach (var dotted in key.DotKeys)
            parts.Add(Part(dotted.Key));
        return string.Join(".", parts);
    }

    private static string Part(BareKeyOrStringValueSyntax? part) => part switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax quoted => quoted.Value ?? "",
        _ => "",
    };
}
