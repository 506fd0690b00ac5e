using FleetTui.Core.Config.Toml;
using FleetTui.Core.Config.Validation;

namespace FleetTui.Core.Config.Sections;

/// <summary>
/// Reads typed values out of one table of fleet.toml, failing with the position of the offending key or value.
/// <paramref name="label"/> names the table in messages (<c>[fleet]</c>, <c>[[task]]</c>, <c>[agents.claude]</c>).
/// </summary>
public sealed class TableReader(TomlTableNode table, string label, string displayName)
{
    public TomlTableNode Table => table;

    public string Label => label;

    public string DisplayName => displayName;

    public ConfigException Error(SourcePosition position, string problem) => new(displayName, position, problem);

    public void RejectUnknownKeys(IReadOnlyList<string> known)
    {
        foreach (var entry in table.Entries)
        {
            if (known.Contains(entry.Key))
                continue;
            if (ConfigSchema.NotSupportedYet.TryGetValue(entry.Key, out var plan))
                throw Error(entry.KeyPosition, $"'{entry.Key}' in {label} is not supported yet ({plan}); remove it: fleet would ignore it");
            if (ConfigSchema.Misplaced.TryGetValue(label.Trim('[', ']') + "." + entry.Key, out var belongs))
                throw Error(entry.KeyPosition, $"'{entry.Key}' does not belong in {label}: {belongs}");
            var hint = KeySuggestion.Nearest(entry.Key, known) is { } nearest
                ? $"; did you mean '{nearest}'?"
                : $" (known: {string.Join(", ", known)})";
            throw Error(entry.KeyPosition, $"unknown key '{entry.Key}' in {label}{hint}");
        }
    }

    public TomlEntry? Entry(string key) => table.Find(key);

    public TomlStringNode? StringNode(string key) => Entry(key) is { } entry ? ExpectString(entry.Value, key) : null;

    public string? String(string key) => StringNode(key)?.Value;

    /// <summary>A string that must not be empty or blank.</summary>
    public string? NonEmptyString(string key)
    {
        if (StringNode(key) is not { } node)
            return null;
        return string.IsNullOrWhiteSpace(node.Value) ? throw Error(node.Position, $"'{key}' in {label} must not be empty") : node.Value;
    }

    /// <summary>A path inside the repository: relative, and not leaving it with '..'.</summary>
    public string? PathInsideRepository(string key)
    {
        if (StringNode(key) is not { } node)
            return null;
        return RelativePath.Problem(node.Value) is { } problem
            ? throw Error(node.Position, $"'{key}' in {label} must be a path inside the repository, but {problem}: '{node.Value}'")
            : node.Value;
    }

    public bool? Boolean(string key) => Entry(key)?.Value switch
    {
        null => null,
        TomlBooleanNode b => b.Value,
        var other => throw WrongType(key, "a boolean (true or false)", other),
    };

    public long? Integer(string key) => Entry(key)?.Value switch
    {
        null => null,
        TomlIntegerNode i => i.Value,
        var other => throw WrongType(key, "an integer", other),
    };

    public IReadOnlyList<TomlStringNode>? StringArrayNodes(string key)
    {
        if (Entry(key) is not { } entry)
            return null;
        if (entry.Value is not TomlArrayNode { IsArrayOfTables: false } array)
            throw WrongType(key, "an array of strings", entry.Value);
        return array.Items
            .Select(item => item as TomlStringNode
                ?? throw Error(item.Position, $"'{key}' in {label} must be an array of strings, but this element is {item.Description}"))
            .ToList();
    }

    public IReadOnlyList<string>? StringArray(string key) => StringArrayNodes(key)?.Select(n => n.Value).ToList();

    public TomlTableNode? SubTable(string key) => Entry(key)?.Value switch
    {
        null => null,
        TomlTableNode t => t,
        var other => throw WrongType(key, "a table", other),
    };

    /// <summary>A table of string values, e.g. <c>env = { RUST_LOG = "debug" }</c>; keys validated by <paramref name="checkKey"/>.</summary>
    public IReadOnlyDictionary<string, string>? StringTable(string key, Func<TomlEntry, string?>? checkKey = null)
    {
        if (SubTable(key) is not { } sub)
            return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in sub.Entries)
        {
            if (checkKey?.Invoke(entry) is { } problem)
                throw Error(entry.KeyPosition, problem);
            result[entry.Key] = entry.Value is TomlStringNode s
                ? s.Value
                : throw Error(entry.Value.Position, $"'{key}.{entry.Key}' in {label} must be a string, not {entry.Value.Description}");
        }

        return result;
    }

    /// <summary>An environment table: keys must be valid variable names.</summary>
    public IReadOnlyDictionary<string, string>? EnvTable(string key) =>
        StringTable(key, entry => EnvVarName.IsValid(entry.Key)
            ? null
            : $"invalid environment variable name '{entry.Key}' in '{key}' (letters, digits and '_', not starting with a digit)");

    public TimeSpan? Duration(string key)
    {
        if (StringNode(key) is not { } node)
            return null;
        return DurationText.TryParse(node.Value, out var duration)
            ? duration
            : throw Error(node.Position, $"invalid duration '{node.Value}' for '{key}' in {label} (write e.g. \"90s\", \"10m\", \"1h30m\")");
    }

    /// <summary>A string that must be one of <paramref name="choices"/> (the TOML spelling → the value).</summary>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices) where T : struct
    {
        if (StringNode(key) is not { } node)
            return null;
        return choices.TryGetValue(node.Value, out var value)
            ? value
            : throw Error(node.Position, $"invalid value '{node.Value}' for '{key}' in {label} (expected one of: {string.Join(", ", choices.Keys.Select(k => $"\"{k}\""))})");
    }

    /// <summary>An agent: a preset's name or a command line as an argv array.</summary>
    public AgentRef? Agent(string key)
    {
        switch (Entry(key)?.Value)
        {
            case null:
                return null;
            case TomlStringNode name:
                return string.IsNullOrWhiteSpace(name.Value)
                    ? throw Error(name.Position, $"'{key}' in {label} must not be empty")
                    : AgentRef.Preset(name.Value);
            case TomlArrayNode { IsArrayOfTables: false }:
                return AgentRef.Command(Argv(key)!);
            case var other:
                throw WrongType(key, "a preset name (a string) or a command line (an array of strings)", other);
        }
    }

    /// <summary>A command line as an argv array: at least one element, the program not empty.</summary>
    public IReadOnlyList<string>? Argv(string key)
    {
        if (StringArrayNodes(key) is not { } argv)
            return null;
        if (argv.Count == 0)
            throw Error(Entry(key)!.Value.Position, $"'{key}' in {label} is an empty command line (give at least the program)");
        if (string.IsNullOrWhiteSpace(argv[0].Value))
            throw Error(argv[0].Position, $"'{key}' in {label} names an empty program");
        return argv.Select(a => a.Value).ToList();
    }

    public ConfigException WrongType(string key, string expected, TomlNode actual) =>
        Error(actual.Position, $"'{key}' in {label} must be {expected}, not {actual.Description}");

    private TomlStringNode ExpectString(TomlNode node, string key) =>
        node as TomlStringNode ?? throw WrongType(key, "a string", node);
}
