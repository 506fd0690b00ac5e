namespace FleetTui.Core.Config;

/// <summary>
/// One <c>[repos.&lt;name&gt;]</c>: another repository a task may span. A task listing it gets a worktree there too, on the same
/// branch name, set up as <see cref="Setup"/> says; a task not listing it gets <see cref="SharedEnv"/> (the main stack's URLs).
/// </summary>
public sealed record RepoConfig
{
    /// <summary>Lowercase letters, digits, '_', '-': it names the repository in <c>repos = [...]</c> and in FLEET_WORKTREE_&lt;NAME&gt;.</summary>
    public required string Name { get; init; }

    /// <summary>The repository's root as written: relative to this repository's root.</summary>
    public required string Path { get; init; }

    /// <summary>The branch tasks start from and merge into there; null means that repository's current branch.</summary>
    public string? Base { get; init; }

    /// <summary>Environment a task gets when it does <em>not</em> include this repository (values as written).</summary>
    public IReadOnlyDictionary<string, string> SharedEnv { get; init; } = new Dictionary<string, string>();

    /// <summary><c>[repos.&lt;name&gt;.setup]</c>: what is done for each new worktree there (no <c>database</c>: that is the task's).</summary>
    public SetupConfig Setup { get; init; } = new();

    /// <summary>Where the table starts, for messages.</summary>
    public SourcePosition Position { get; init; }

    public SourcePosition? PathPosition { get; init; }

    public SourcePosition? BasePosition { get; init; }

    /// <summary>The repository's absolute root, given this repository's root.</summary>
    public string RootFrom(string fleetRoot) => System.IO.Path.GetFullPath(Path, fleetRoot);

    /// <summary>FLEET_WORKTREE_&lt;NAME&gt;: the variable carrying a task's worktree in this repository.</summary>
    public static string WorktreeVariable(string repoName) =>
        "FLEET_WORKTREE_" + repoName.ToUpperInvariant().Replace('-', '_');
}
