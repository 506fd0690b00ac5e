namespace FleetTui.Core.Config.Starter;

/// <summary>What <c>fleet init</c> decided for a repository: the choices <see cref="StarterConfigText"/> writes.</summary>
public sealed record StarterConfig
{
    /// <summary>The current branch, or null on a detached HEAD (then the key is left out and the fleet uses whatever is checked out).</summary>
    public string? Base { get; init; }

    /// <summary>A preset name (see <see cref="StarterAgent"/>).</summary>
    public required string Agent { get; init; }

    public IReadOnlyList<ProjectStack> Stacks { get; init; } = [];

    /// <summary>The stacks' gates, run one after the other; null when none has one.</summary>
    public string? Gate => Joined(Stacks.Select(s => s.Gate));

    /// <summary>The stacks' setup commands, run one after the other; null when none has one.</summary>
    public string? Setup => Joined(Stacks.Select(s => s.Setup));

    /// <summary>The caches of the stacks that have a setup command: setup is the only command that receives them.</summary>
    public IReadOnlyDictionary<string, string> Caches =>
        Stacks.Where(s => s.Setup is not null).SelectMany(s => s.Caches).DistinctBy(c => c.Key).ToDictionary(StringComparer.Ordinal);

    public IEnumerable<string> Notes => Stacks.SelectMany(s => s.Notes);

    private static string? Joined(IEnumerable<string?> commands)
    {
        var present = commands.OfType<string>().ToList();
        return present.Count == 0 ? null : string.Join(" && ", present);
    }
}
