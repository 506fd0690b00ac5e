using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using FleetTui.Host.Remote;

namespace FleetTui.Cli.Remote;

/// <summary>
/// The remote hosts' part of <c>fleet merge</c>'s plan: each remote task with work is fetched over SSH into
/// <c>refs/remotes/fleet-&lt;host&gt;/…</c> (<see cref="RemoteBranchFetcher"/>), then its commits over the base and its
/// predicted conflicts (with the base and with the local in-flight tasks) are computed here, in memory, as for a local task.
/// </summary>
public static class RemoteMergeForecast
{
    public static async Task WriteAsync(CliContext context, SessionSnapshot local, CancellationToken cancellationToken)
    {
        if (local.Config.Hosts.Count == 0)
            return;
        var git = FleetWorkspace.GitFor(context);
        var fetcher = new RemoteBranchFetcher(SshSettings.FromEnvironment(context.Variable), git);
        var lines = new List<string>();
        var probes = new List<(string Label, string Ref, string Branch)>();
        foreach (var view in await RemoteHostViews.ReadAllAsync(context, local.RepoRoot, local.Config, cancellationToken))
        {
            if (view.Error is { } error)
            {
                lines.Add($"  host {view.Host.Name}: {error}");
                continue;
            }
            foreach (var task in view.Tasks.Where(t => t.Phase is TaskPhase.Active or TaskPhase.Done or TaskPhase.Review))
            {
                try
                {
                    probes.Add(($"{task.Name}@{view.Host.Name}", await fetcher.FetchAsync(local.RepoRoot, view.Host, task.Branch, cancellationToken), task.Branch));
                }
                catch (RemoteHostException fetchError)
                {
                    lines.Add($"  {task.Name} ({view.Host.Name}): {fetchError.Message}");
                }
            }
        }
        if (probes.Count > 0)
            lines.InsertRange(0, await DescribeAsync(context, local, probes, cancellationToken));
        if (lines.Count == 0)
            return;
        await context.Out.WriteLineAsync("Remote tasks (fetched over ssh; fleet merge --all merges the ready ones after the local tasks they depend on):");
        foreach (var line in lines)
            await context.Out.WriteLineAsync(line);
    }

    private static async Task<List<string>> DescribeAsync(
        CliContext context, SessionSnapshot local, List<(string Label, string Ref, string Branch)> probes, CancellationToken cancellationToken)
    {
        var git = FleetWorkspace.GitFor(context);
        var localInFlight = local.Tasks.Where(t => t.Phase is TaskPhase.Active or TaskPhase.Done or TaskPhase.Review && t.Status is { Ahead: > 0 })
            .Select(t => new ProbeBranch(t.Name, t.Branch));
        IReadOnlyList<PredictedConflict> conflicts;
        using (var probe = new ConflictProbe(local.RepoRoot))
            conflicts = probe.Refresh(local.BaseBranch, [.. localInFlight, .. probes.Select(p => new ProbeBranch(p.Label, p.Ref))]);
        var lines = new List<string>();
        foreach (var (label, reference, branch) in probes)
        {
            var ahead = (await git.RunAsync(local.RepoRoot, ["rev-list", "--count", $"{local.BaseBranch}..refs/remotes/{reference}"], cancellationToken)).Trim();
            var tip = (await git.RunAsync(local.RepoRoot, ["rev-parse", "--short", $"refs/remotes/{reference}"], cancellationToken)).Trim();
            var mine = conflicts.Where(c => c.Involves(label)).ToList();
            var forecast = mine.Count == 0
                ? $"merges cleanly into {local.BaseBranch}"
                : string.Join("; ", mine.Select(c => $"conflicts with {c.OtherThan(label) ?? "the base"} in {string.Join(", ", c.Paths.Take(3))}{(c.Paths.Count > 3 ? $" and {c.Paths.Count - 3} more" : "")}"));
            lines.Add($"  {label}: {branch} at {tip} (refs/remotes/{reference}), +{ahead} commit(s); {forecast}");
        }
        return lines;
    }
}
