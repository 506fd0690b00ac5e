using FleetTui.Core.Config;
using Tomlyn.Syntax;

namespace FleetTui.Ui.Config;

/// <summary>One <c>key = value</c> of a TOML file with the table it sits in ("" for the root) and where it is.</summary>
public sealed record TomlEntry(string Table, string Key, ValueSyntax Value, SourcePosition Position, SourcePosition ValuePosition);
