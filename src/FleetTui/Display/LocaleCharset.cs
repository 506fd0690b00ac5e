namespace FleetTui.Display;

/// <summary>
/// Whether the terminal's locale is UTF-8, found as the C library finds LC_CTYPE: <c>LC_ALL</c>, else <c>LC_CTYPE</c>, else
/// <c>LANG</c>, else the "C" locale. Not UTF-8 → the cockpit draws its frames and marks in ASCII.
/// </summary>
public sealed record LocaleCharset(bool IsUtf8, string? Variable, string Value)
{
    public static LocaleCharset Detect(Func<string, string?> variable)
    {
        foreach (var name in new[] { "LC_ALL", "LC_CTYPE", "LANG" })
        {
            if (variable(name) is { Length: > 0 } value)
                return new LocaleCharset(NamesUtf8(value), name, value);
        }

        return new LocaleCharset(false, null, "C");
    }

    /// <summary>"en_US.UTF-8", "C.utf8", "de_DE.utf-8@euro" are UTF-8; "C", "POSIX", "en_US.ISO-8859-1" are not.</summary>
    private static bool NamesUtf8(string locale)
    {
        var dot = locale.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
            return false;
        var charset = locale[(dot + 1)..].Split('@')[0].Replace("-", "", StringComparison.Ordinal);
        return charset.Equals("UTF8", StringComparison.OrdinalIgnoreCase);
    }
}
