namespace FleetTui.Core.Worktrees;

/// <summary>A commit that removing a worktree would make unreachable; shown as git shows it, "&lt;short sha&gt; &lt;subject&gt;".</summary>
public sealed record LostCommit(string Sha, string Subject)
{
    /// <summary>Its parents (to find the tips of a set of lost commits: one ref per tip keeps them all).</summary>
    public IReadOnlyList<string> Parents { get; init; } = [];

    public override string ToString() => $"{Sha[..Math.Min(7, Sha.Length)]} {Subject}";

    public bool Equals(LostCommit? other) => other is not null && other.Sha == Sha;

    public override int GetHashCode() => Sha.GetHashCode(StringComparison.Ordinal);

    /// <summary>Parses lines of <c>git log --format=%H%x09%P%x09%s</c>.</summary>
    internal static IReadOnlyList<LostCommit> ParseLog(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', 3))
            .Where(fields => fields.Length == 3)
            .Select(fields => new LostCommit(fields[0], fields[2]) { Parents = fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) })
            .ToList();

    /// <summary>The format <see cref="ParseLog"/> reads.</summary>
    internal const string LogFormat = "--format=%H%x09%P%x09%s";
}
