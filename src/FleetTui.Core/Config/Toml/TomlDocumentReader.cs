using Tomlyn;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace FleetTui.Core.Config.Toml;

/// <summary>
/// Turns TOML text into a <see cref="TomlTableNode"/> tree with positions, via Tomlyn's syntax tree.
/// Tomlyn's own validation (duplicate keys, redefined tables) runs first; its first error becomes a <see cref="ConfigException"/>.
/// A NUL anywhere in a key or string is refused: every program we hand a value to would see it cut short at the NUL.
/// </summary>
public static class TomlDocumentReader
{
    public static TomlTableNode Read(string text, string displayName)
    {
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(text, displayName, validate: true);
        }
        catch (TomlException thrown)
        {
            // Tomlyn throws (rather than reporting a diagnostic) for some inputs, e.g. values nested deeper than its limit.
            throw new ConfigException(displayName, PositionOf(thrown, text), DescribeSyntaxError(Describe(thrown)));
        }

        if (document.Diagnostics.FirstOrDefault(d => d.Kind == DiagnosticMessageKind.Error) is { } error)
            throw new ConfigException(displayName, PositionOf(error.Span.Start), DescribeSyntaxError(error.Message));

        var root = new MutableTable(new SourcePosition(1, 1));
        foreach (var keyValue in document.KeyValues)
            AddKeyValue(root, keyValue, displayName);
        foreach (var table in document.Tables)
        {
            var target = OpenTable(root, table, displayName);
            foreach (var keyValue in table.Items)
                AddKeyValue(target, keyValue, displayName);
        }

        return root.Freeze();
    }

    internal static SourcePosition PositionOf(TextPosition position) => new(position.Line + 1, position.Column + 1);

    private static SourcePosition PositionOf(TomlException error, string text)
    {
        if (error.Line is { } line && error.Column is { } column)
            return new SourcePosition(line, column);
        return PositionAt(text, error.Offset ?? NestingScan.FirstBeyond(text, MaxDepth) ?? 0);
    }

    /// <summary>Tomlyn's nesting limit (its exception for deeper input names no position).</summary>
    private const int MaxDepth = 64;

    private static SourcePosition PositionAt(string text, int offset)
    {
        var before = text.AsSpan(0, Math.Clamp(offset, 0, text.Length));
        return new SourcePosition(before.Count('\n') + 1, before.Length - before.LastIndexOf('\n'));
    }

    /// <summary>Tomlyn's message without advice meant for programmers ("Change TomlSerializerOptions.MaxDepth…").</summary>
    private static string Describe(TomlException error)
    {
        var message = error.Message;
        var advice = message.IndexOf(" Change Toml", StringComparison.Ordinal);
        return advice > 0 ? message[..advice] : message;
    }

    private static string DescribeSyntaxError(string message) =>
        "invalid TOML: " + (message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : message);

    private static MutableTable OpenTable(MutableTable root, TableSyntaxBase table, string displayName)
    {
        var path = KeyParts(table.Name!, displayName);
        var parent = root;
        foreach (var (key, position) in path.SkipLast(1))
            parent = parent.ChildTable(key, position, displayName);

        var (lastKey, lastPosition) = path[^1];
        return table is TableArraySyntax
            ? parent.AppendToTableArray(lastKey, lastPosition, PositionOf(table.Span.Start), displayName)
            : parent.ChildTable(lastKey, lastPosition, displayName);
    }

    private static void AddKeyValue(MutableTable table, KeyValueSyntax keyValue, string displayName)
    {
        var path = KeyParts(keyValue.Key!, displayName);
        var target = table;
        foreach (var (key, position) in path.SkipLast(1))
            target = target.ChildTable(key, position, displayName);
        var (lastKey, lastPosition) = path[^1];
        target.Add(lastKey, lastPosition, Convert(keyValue.Value!, displayName), displayName);
    }

    private static TomlNode Convert(ValueSyntax value, string displayName)
    {
        var position = PositionOf(value.Span.Start);
        switch (value)
        {
            case StringValueSyntax s:
                RejectNul(s.Value, position, "a string", displayName);
                return new TomlStringNode(s.Value ?? "", position, s.Token?.Text ?? s.Value ?? "");
            case IntegerValueSyntax i:
                return new TomlIntegerNode(i.Value, position);
            case BooleanValueSyntax b:
                return new TomlBooleanNode(b.Value, position);
            case FloatValueSyntax:
                return new TomlOtherNode("a float", position);
            case DateTimeValueSyntax:
                return new TomlOtherNode("a date/time", position);
            case ArraySyntax array:
                return new TomlArrayNode(array.Items.Select(item => Convert(item.Value!, displayName)).ToList(), position);
            case InlineTableSyntax inline:
                var table = new MutableTable(position);
                foreach (var item in inline.Items)
                    AddKeyValue(table, item.KeyValue!, displayName);
                return table.Freeze();
            default:
                throw new ConfigException(displayName, position, $"unsupported TOML value '{value}'");
        }
    }

    private static void RejectNul(string? value, SourcePosition position, string what, string displayName)
    {
        if (value is not null && value.Contains('\0', StringComparison.Ordinal))
            throw new ConfigException(displayName, position, $"{what} must not contain a NUL character (\\u0000): programs would see it cut short");
    }

    private static List<(string Key, SourcePosition Position)> KeyParts(KeySyntax key, string displayName)
    {
        var parts = new List<(string, SourcePosition)> { KeyPart(key.Key!) };
        foreach (var dotted in key.DotKeys)
            parts.Add(KeyPart(dotted.Key!));
        foreach (var (name, position) in parts)
            RejectNul(name, position, "a key", displayName);
        return parts;
    }

    private static (string, SourcePosition) KeyPart(BareKeyOrStringValueSyntax part) => part switch
    {
        BareKeySyntax bare => (bare.Key!.Text!, PositionOf(bare.Span.Start)),
        StringValueSyntax quoted => (quoted.Value ?? "", PositionOf(quoted.Span.Start)),
        _ => (part.ToString() ?? "", PositionOf(part.Span.Start)),
    };
}
