namespace FleetTui.Core.Worktrees;

/// <summary>Rules that leave nothing out: a watcher of a plain folder, not a git working tree.</summary>
internal sealed class NoIgnoreRules : IIgnoreRules
{
    public static NoIgnoreRules Instance { get; } = new();

    public bool SkipsFolder(string folder) => false;

    public bool IgnoresFile(string path) => false;

    public void Reload()
    {
    }
}
