namespace FleetTui.Ui.Keys;

/// <summary>A command, the keys that run it and the line the help screen shows for it.</summary>
public sealed record KeyBinding(UiCommand Command, IReadOnlyList<KeySequence> Keys, string Description);
