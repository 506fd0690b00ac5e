using System.Buffers.Binary;
using System.Text;

namespace FleetTui.Display;

/// <summary>
/// Reads a terminal's extended boolean capabilities (<c>Tc</c>, <c>RGB</c>) from its compiled terminfo entry, as ncurses
/// finds it: <c>$TERMINFO</c>, <c>~/.terminfo</c>, <c>$TERMINFO_DIRS</c>, then the system folders. Without infocmp (a
/// process at every start) and without ncurses (not linked here). Any file it cannot read has no flags.
/// </summary>
public static class TerminfoFlags
{
    private static readonly string[] SystemFolders = ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"];

    /// <summary>True when the entry for <paramref name="term"/> sets the extended boolean <paramref name="flag"/>.</summary>
    public static bool Has(string term, string flag, Func<string, string?> variable)
    {
        try
        {
            return Find(term, variable) is { } path && ExtendedBooleans(File.ReadAllBytes(path)).Contains(flag);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The compiled entry's path, or null.</summary>
    public static string? Find(string term, Func<string, string?> variable)
    {
        if (term.Length == 0 || term.Contains('/') || term.Contains(".."))
            return null;
        var folders = new List<string>();
        if (variable("TERMINFO") is { Length: > 0 } own)
            folders.Add(own);
        if (variable("HOME") is { Length: > 0 } home)
            folders.Add(Path.Combine(home, ".terminfo"));
        if (variable("TERMINFO_DIRS") is { Length: > 0 } dirs)
            folders.AddRange(dirs.Split(':').Select(d => d.Length == 0 ? "/usr/share/terminfo" : d));
        folders.AddRange(SystemFolders);
        foreach (var folder in folders)
        {
            // ncurses names the sub-folder by the first letter, or by its code in hex (macOS, some builds).
            foreach (var sub in new[] { term[..1], ((int)term[0]).ToString("x2") })
            {
                var path = Path.Combine(folder, sub, term);
                if (File.Exists(path))
                    return path;
            }
        }
        return null;
    }

    /// <summary>The names of the extended booleans a compiled entry sets (legacy 16-bit or 32-bit number format).</summary>
    public static IReadOnlySet<string> ExtendedBooleans(ReadOnlySpan<byte> entry)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (entry.Length < 12)
            return set;
        var magic = Short(entry, 0);
        var numberSize = magic switch { 0x11a => 2, 0x21e => 4, _ => 0 };
        if (numberSize == 0)
            return set;
        int names = Short(entry, 2), booleans = Short(entry, 4), numbers = Short(entry, 6), strings = Short(entry, 8), table = Short(entry, 10);
        var at = 12 + names + booleans;
        at += at % 2;
        at += numbers * numberSize + strings * 2 + table;
        at += at % 2;
        if (at + 10 > entry.Length)
            return set; // no extended section
        int extBooleans = Short(entry, at), extNumbers = Short(entry, at + 2), extStrings = Short(entry, at + 4), extTable = Short(entry, at + 8);
        at += 10;
        var flags = entry.Slice(at, Math.Min(extBooleans, entry.Length - at));
        at += extBooleans;
        at += at % 2;
        at += extNumbers * numberSize + extStrings * 2 + (extBooleans + extNumbers + extStrings) * 2;
        if (extBooleans < 0 || extTable < 0 || at + extTable > entry.Length)
            return set;
        // The table holds the string values, then every name (booleans first): the names are its last strings.
        var all = Encoding.ASCII.GetString(entry.Slice(at, extTable)).TrimEnd('\0').Split('\0');
        var nameCount = extBooleans + extNumbers + extStrings;
        if (all.Length < nameCount)
            return set;
        for (var i = 0; i < extBooleans && i < flags.Length; i++)
        {
            if (flags[i] == 1)
                set.Add(all[all.Length - nameCount + i]);
        }
        return set;
    }

    private static int Short(ReadOnlySpan<byte> entry, int at) => at + 2 <= entry.Length ? BinaryPrimitives.ReadInt16LittleEndian(entry[at..]) : 0;
}
