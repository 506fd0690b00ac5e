namespace FleetTui.Core.Config.Starter;

/// <summary>
/// A toolchain found at the repository root and what <c>fleet init</c> writes for it. Commands are written only where the
/// files make them obvious; anything the user has to decide is a <see cref="Notes"/> line instead of a guess.
/// </summary>
public sealed record ProjectStack
{
    /// <summary>What it is, as the user would say it: ".NET", "Node with pnpm", "Python with uv".</summary>
    public required string Name { get; init; }

    /// <summary>The files that gave it away, e.g. "package.json, pnpm-lock.yaml".</summary>
    public required string Evidence { get; init; }

    /// <summary>The <c>[setup] run</c> command (a fleet.toml template: braces doubled), or null when none is obvious.</summary>
    public string? Setup { get; init; }

    /// <summary>The <c>gate</c> command (a fleet.toml template), or null when no test command is obvious.</summary>
    public string? Gate { get; init; }

    /// <summary><c>[setup] caches</c>: env var → a shared folder (template). Only caches that are harmless when only setup sees them.</summary>
    public IReadOnlyDictionary<string, string> Caches { get; init; } = new Dictionary<string, string>();

    /// <summary>Things the user should know or decide (written into fleet.toml as comments and printed by init).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Folders the toolchain writes into a worktree (with a trailing '/'): unless git ignores them, every task looks dirty.</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];
}
