using FleetTui.Core.Config.Sections;
using FleetTui.Core.Config.Templates;
using FleetTui.Core.Config.Toml;

namespace FleetTui.Core.Config.Validation;

/// <summary>
/// Where fleet.toml may make fleet create folders, checked at load time (the repository root is the folder fleet.toml is in):
/// worktrees never inside the repository's own checkout (git would list them as untracked files, <c>.git</c> would hold
/// checkouts), shared caches only under the user's home, the repository's parent folder or the temp folder (fleet creates them:
/// <c>/etc/x</c> must not be one). Templates are expanded with placeholder values, so the check covers every task.
/// </summary>
public sealed class ConfigPathValidator(string repositoryRoot, FleetSettings fleet, TableReader? fleetTable, TableReader? setupTable)
{
    private const string PlaceholderTask = "<task>";

    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));

    public void Validate()
    {
        CheckWorktrees();
        CheckCaches();
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or inside it (both absolute, normalised).</summary>
    public static bool IsInside(string path, string folder)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(folder);
        return path == trimmed || path.StartsWith(trimmed + Path.DirectorySeparatorChar, StringComparison.Ordinal) || trimmed == "/";
    }

    private void CheckWorktrees()
    {
        if (fleetTable?.StringNode("worktrees") is not { } node)
            return;
        var sample = WorktreeLocation.Resolve(fleet, _root, new TaskConfig { Name = PlaceholderTask, Branch = "fleet/" + PlaceholderTask });
        if (IsInside(sample, _root))
        {
            throw fleetTable.Error(node.Position,
                $"'worktrees' in [fleet] puts worktrees inside the repository's own checkout ({sample}); git would see them as untracked " +
                "files of every worktree. Use a folder outside it, e.g. \"../{repo}.worktrees/{task}\"");
        }
    }

    private void CheckCaches()
    {
        if (setupTable?.SubTable("caches") is not { } caches)
            return;
        var parent = Path.GetDirectoryName(_root) ?? _root;
        string[] allowed = [Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), parent, Path.GetFullPath(Path.GetTempPath())];
        foreach (var entry in caches.Entries)
        {
            if (entry.Value is not TomlStringNode node)
                continue;
            var resolved = Path.GetFullPath(ExpandWithPlaceholders(node.Value), _root);
            if (!allowed.Any(folder => folder.Length > 0 && IsInside(resolved, Path.GetFullPath(folder))))
            {
                throw setupTable.Error(node.Position,
                    $"'caches.{entry.Key}' in [setup] resolves to {resolved}, outside your home, the repository's parent folder ({parent}) " +
                    "and the temp folder; fleet creates cache folders, so they must live in one of those");
            }
        }
    }

    /// <summary>The template with each variable replaced by a stand-in of the right shape ({repo} is the root, as for real caches).</summary>
    private string ExpandWithPlaceholders(string template) => string.Concat(TemplateSyntax.Parse(template).Select(part => part switch
    {
        TemplatePart.Literal literal => literal.Text,
        TemplatePart.Variable { Name: "repo" } => _root,
        TemplatePart.Variable { Name: "worktree" } => WorktreeLocation.Resolve(fleet, _root, new TaskConfig { Name = PlaceholderTask, Branch = "fleet/" + PlaceholderTask }),
        TemplatePart.Variable { Name: "branch" } => "fleet/" + PlaceholderTask,
        TemplatePart.Variable { PortName: not null } => "0",
        TemplatePart.Variable variable => $"<{variable.Name}>",
        _ => "",
    }));
}
