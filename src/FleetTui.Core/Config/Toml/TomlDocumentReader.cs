using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace FleetTui.Core.Config.Toml;

/// <summary>
/// Turns TOML text into a <see cref="TomlTableNode"/> tree with positions, via Tomlyn's syntax tree.
/// Tomlyn's own validation (duplicate keys, redefined tables) runs first; its first error becomes a <see cref="ConfigException"/>.
/// </summary>
public static class TomlDocumentReader
{
    public static TomlTableNode Read(string text, string displayName)
    {
        var document = SyntaxParser.Parse(text, displayName, validate: true);
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

    private static string DescribeSyntaxError(string message) =>
        "invalid TOML: " + (message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : message);

    private static MutableTable OpenTable(MutableTable root, TableSyntaxBase table, string displayName)
    {
        var path = KeyParts(table.Name!);
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
        var path = KeyParts(keyValue.Key!);
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

    private static List<(string Key, SourcePosition Position)> KeyParts(KeySyntax key)
    {
        var parts = new List<(string, SourcePosition)> { KeyPart(key.Key!) };
        foreach (var dotted in key.DotKeys)
            parts.Add(KeyPart(dotted.Key!));
        return parts;
    }

    private static (string, SourcePosition) KeyPart(BareKeyOrStringValueSyntax part) => part switch
    {
        BareKeySyntax bare => (bare.Key!.Text!, PositionOf(bare.Span.Start)),
        StringValueSyntax quoted => (quoted.Value ?? "", PositionOf(quoted.Span.Start)),
        _ => (part.ToString() ?? "", PositionOf(part.Span.Start)),
    };
}
