using FleetTui.Core.Session;

namespace FleetTui.Host.Merging;

/// <summary>
/// The merge queue as the cockpit drives it. Every action returns at once and runs off the UI thread (gates and merges
/// one at a time, in the order asked); progress, results and predicted conflicts arrive through <see cref="Activity"/>.
/// The results themselves land in the session (phase, gate, review paths), so <c>fleet ps</c> sees them too.
/// </summary>
public interface IMergeDriver
{
    /// <summary>What is running, each task's latest progress or result, and the conflicts predicted at the last refresh.</summary>
    MergeActivity Activity { get; }

    /// <summary>Raised on any thread when <see cref="Activity"/> changed.</summary>
    event Action? ActivityChanged;

    /// <summary>Gates and merges <paramref name="tasks"/> (null: every ready task), in plan order, dependents started after.</summary>
    Task MergeAsync(IReadOnlyList<string>? tasks);

    Task RunGateAsync(string task);

    /// <summary>Takes a task out of review so the next merge tries it again.</summary>
    Task<CommandResult> RetryAsync(string task);

    /// <summary>The user says the agent finished (the readiness rule needs it while the agent still runs).</summary>
    Task<CommandResult> MarkDoneAsync(string task);

    /// <summary>Accepts the task's files outside its scope (lets it merge under <c>scope_enforcement = "block"</c>).</summary>
    Task<CommandResult> AcceptScopeAsync(string task);

    /// <summary>The last <paramref name="maxLines"/> lines of a log file (a gate's), read off the UI thread.</summary>
    Task<IReadOnlyList<string>> ReadLogAsync(string path, int maxLines);
}
