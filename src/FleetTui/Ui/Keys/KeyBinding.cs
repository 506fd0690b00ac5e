namespace FleetTui.Ui.Keys;

/// <summary>A command, the keys that run it, the line the help screen shows for it, and where the keys apply.</summary>
public sealed record KeyBinding(UiCommand Command, IReadOnlyList<KeySequence> Keys, string Description, KeyScope Scope = KeyScope.Global);
