namespace FleetTui.Core.Config.Toml;

/// <summary>One <c>key = value</c> of a table; <see cref="KeyPosition"/> is where the key was written.</summary>
public sealed record TomlEntry(string Key, SourcePosition KeyPosition, TomlNode Value);
