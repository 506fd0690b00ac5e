using System.Text;
using System.Text.RegularExpressions;

namespace FleetTui.Core.Worktrees;

/// <summary>
/// Decides whether a repository path (forward slashes, relative to the root) falls inside a task's <c>scope</c> globs:
/// <c>**</c> any number of folders, <c>*</c> any characters but '/', <c>?</c> one such character, and a pattern without
/// wildcards (or ending in '/') names a file or a whole folder. An empty scope means "anything goes".
/// </summary>
public sealed class ScopeMatcher
{
    private readonly Regex? _regex;

    public ScopeMatcher(IEnumerable<string> patterns)
    {
        var alternatives = patterns.Where(p => p.Length > 0).Select(ToRegex).ToList();
        Patterns = patterns.ToList();
        _regex = alternatives.Count == 0
            ? null
            : new Regex("^(?:" + string.Join('|', alternatives) + ")$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public IReadOnlyList<string> Patterns { get; }

    public bool IsUnrestricted => _regex is null;

    public bool Contains(string path) => _regex is null || _regex.IsMatch(path);

    private static string ToRegex(string pattern)
    {
        pattern = pattern.TrimStart('/');
        if (pattern.StartsWith("./", StringComparison.Ordinal))
            pattern = pattern[2..];
        var directoryOnly = pattern.EndsWith('/');
        pattern = pattern.TrimEnd('/');
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var followedBySlash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                // "**/" matches zero or more whole folders; a bare "**" matches anything, slashes included.
                regex.Append(followedBySlash ? "(?:.*/)?" : ".*");
                i += followedBySlash ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        // Any pattern also covers everything below it when it names a folder ("src/billing" ⊇ "src/billing/x.cs").
        regex.Append(directoryOnly ? "/.*" : "(?:/.*)?");
        return regex.ToString();
    }
}
