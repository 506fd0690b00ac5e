namespace FleetTui.Ui.Keys;

/// <summary>
/// Turns key presses into commands: a small state machine (idle, or waiting after a prefix). Pure: no UI, no clock,
/// so every sequence is unit-testable.
/// </summary>
public sealed class KeyDispatcher
{
    private readonly Dictionary<KeySequence, UiCommand> commands = new();
    private readonly HashSet<KeyChord> prefixes = [];
    private KeyChord? pending;

    /// <param name="scope">Only the bindings of this scope count (a panel gets its own dispatcher).</param>
    public KeyDispatcher(Keymap keymap, KeyScope scope = KeyScope.Global)
    {
        Keymap = keymap;
        foreach (var binding in keymap.Bindings.Where(b => b.Scope == scope))
        {
            foreach (var keys in binding.Keys)
            {
                commands.TryAdd(keys, binding.Command);
                if (keys.Chords.Count == 2)
                    prefixes.Add(keys.Chords[0]);
            }
        }
    }

    public Keymap Keymap { get; }

    /// <summary>True between a prefix and the key that completes it (the status bar shows it).</summary>
    public bool IsAwaitingNextKey => pending is not null;

    public KeyDispatchResult Feed(KeyChord chord)
    {
        if (pending is { } first)
        {
            pending = null;
            var sequence = KeySequence.Of(first, chord);
            return commands.TryGetValue(sequence, out var command) ? new KeyDispatchResult.Run(command) : new KeyDispatchResult.Unbound(sequence);
        }
        if (commands.TryGetValue(KeySequence.Of(chord), out var direct))
            return new KeyDispatchResult.Run(direct);
        if (prefixes.Contains(chord))
        {
            pending = chord;
            return KeyDispatchResult.Awaiting;
        }
        return KeyDispatchResult.Pass;
    }

    /// <summary>Forgets a half-typed sequence (focus moved to a dialog, say).</summary>
    public void Reset() => pending = null;
}
