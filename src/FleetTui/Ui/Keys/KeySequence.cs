namespace FleetTui.Ui.Keys;

/// <summary>One chord (<c>alt+1</c>) or a prefix followed by a chord (<c>ctrl+g z</c>).</summary>
public sealed record KeySequence(IReadOnlyList<KeyChord> Chords)
{
    /// <summary>The word that stands for the configured prefix key in a sequence (<c>prefix z</c>).</summary>
    public const string PrefixWord = "prefix";

    public static KeySequence Of(params KeyChord[] chords) => new(chords);

    /// <summary>Parses space-separated chords; <c>prefix</c> becomes <paramref name="prefix"/>. At most two chords.</summary>
    public static KeySequence? TryParse(string text, KeyChord prefix, out string? error)
    {
        error = null;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2)
        {
            error = $"'{text}' must be one key or a prefix and a key (like \"ctrl+g z\")";
            return null;
        }
        var chords = new List<KeyChord>();
        foreach (var part in parts)
        {
            if (part.Equals(PrefixWord, StringComparison.OrdinalIgnoreCase))
            {
                chords.Add(prefix);
                continue;
            }
            var chord = KeyChord.TryParse(part, out error);
            if (chord is null)
                return null;
            chords.Add(chord.Value);
        }
        return new KeySequence(chords);
    }

    public bool Equals(KeySequence? other) => other is not null && Chords.SequenceEqual(other.Chords);

    public override int GetHashCode() => Chords.Aggregate(17, (hash, chord) => hash * 31 + chord.GetHashCode());

    public override string ToString() => string.Join(" ", Chords);
}
