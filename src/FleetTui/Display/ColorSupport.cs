namespace FleetTui.Display;

/// <summary>
/// The outer terminal's colour depth from its environment, the conventions terminals and ncurses follow: <c>COLORTERM</c>
/// <c>truecolor</c>/<c>24bit</c>, or the terminfo entry's <c>Tc</c> or <c>RGB</c> flag → 24-bit; <c>TERM</c> <c>*-256color</c>
/// → 256; any other TERM (xterm, screen, tmux, linux, vt100, …) → 16; <c>TERM</c> unset or <c>dumb</c> → unusable.
/// <see cref="Evidence"/> names what decided. The cockpit draws at this depth and <c>fleet doctor</c> reports it.
/// </summary>
public sealed record ColorSupport(ColorDepth Depth, string Evidence)
{
    /// <summary>Families of TERM known to take the 16 ANSI colours; any other value is assumed to as well, with a caveat.</summary>
    private static readonly string[] SixteenColorFamilies = ["xterm", "screen", "tmux", "linux", "vt100", "vt102", "vt220", "rxvt", "ansi", "cygwin", "putty", "konsole", "gnome", "alacritty", "foot", "wezterm"];

    public bool IsKnownTerm { get; init; } = true;

    /// <param name="terminfoFlag">Whether TERM's terminfo entry sets an extended boolean; by default its compiled entry is read.</param>
    public static ColorSupport Detect(Func<string, string?> variable, Func<string, string, bool>? terminfoFlag = null)
    {
        terminfoFlag ??= (term, flag) => TerminfoFlags.Has(term, flag, variable);
        var term = variable("TERM");
        if (string.IsNullOrWhiteSpace(term))
            return new ColorSupport(ColorDepth.Unusable, "TERM is not set");
        if (term == "dumb")
            return new ColorSupport(ColorDepth.Unusable, "TERM=dumb");
        var colorTerm = variable("COLORTERM");
        if (colorTerm is not null && (colorTerm.Equals("truecolor", StringComparison.OrdinalIgnoreCase) || colorTerm.Equals("24bit", StringComparison.OrdinalIgnoreCase)))
            return new ColorSupport(ColorDepth.TrueColor, $"COLORTERM={colorTerm}");
        if (term.EndsWith("-direct", StringComparison.Ordinal))
            return new ColorSupport(ColorDepth.TrueColor, $"TERM={term}");
        foreach (var flag in new[] { "Tc", "RGB" })
        {
            if (terminfoFlag(term, flag))
                return new ColorSupport(ColorDepth.TrueColor, $"terminfo {term} has {flag}");
        }
        if (term.EndsWith("-256color", StringComparison.Ordinal) || term.EndsWith("-256colour", StringComparison.Ordinal))
            return new ColorSupport(ColorDepth.Colors256, $"TERM={term}");
        var known = SixteenColorFamilies.Any(family => term == family || term.StartsWith(family + "-", StringComparison.Ordinal) || term.StartsWith(family + ".", StringComparison.Ordinal));
        return new ColorSupport(ColorDepth.Colors16, $"TERM={term}") { IsKnownTerm = known };
    }
}
