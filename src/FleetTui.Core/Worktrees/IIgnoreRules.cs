namespace FleetTui.Core.Worktrees;

/// <summary>Which paths of a working tree a change watcher leaves out (paths relative to the tree's root, '/' separated).</summary>
internal interface IIgnoreRules
{
    /// <summary>Whether nothing under this folder can change the tree's status: git ignores it and tracks nothing in it.</summary>
    bool SkipsFolder(string folder);

    /// <summary>Whether git ignores this file (a change to it cannot change the status).</summary>
    bool IgnoresFile(string path);

    /// <summary>Forgets what the rules cached: a .gitignore changed, or the tree is walked again.</summary>
    void Reload();
}
