using FleetTui.Core.Config;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;

namespace FleetTui.Core.Tests.Merging;

/// <summary>Reads a task's merge facts from a real test repo and runs merges over it.</summary>
internal sealed class MergeFixture(TestRepo repo)
{
    public Dictionary<string, string?> GateCommands { get; } = [];

    public Dictionary<string, TaskPhase> Phases { get; } = [];

    public TaskMergeFacts Facts(string task, params string[] dependsOn)
    {
        var path = repo.WorktreePath(task);
        var exists = Directory.Exists(path);
        var branchExists = repo.Git("branch", "--list", "fleet/" + task).Trim().Length > 0;
        return new TaskMergeFacts
        {
            Name = task,
            Branch = "fleet/" + task,
            DependsOn = dependsOn,
            WorktreePath = exists ? path : null,
            Phase = Phases.TryGetValue(task, out var phase) ? phase : exists ? TaskPhase.Active : TaskPhase.Blocked,
            AgentFinished = true,
            Ahead = branchExists ? int.Parse(repo.Git("rev-list", "--count", "main..fleet/" + task).Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0,
            Uncommitted = exists ? repo.GitIn(path, "status", "--porcelain").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length : 0,
            Tip = branchExists ? repo.Rev("fleet/" + task) : null,
        };
    }

    public async Task<MergeRunReport> RunAsync(RecordingMergeHost host, IReadOnlyList<TaskMergeFacts> tasks, MergeRunSettings? settings = null, IReadOnlyList<PredictedConflict>? conflicts = null)
    {
        settings ??= new MergeRunSettings { BaseBranch = "main" };
        var gates = new GateRunner(repo.LogsRoot);
        var run = new MergeRun(repo.Queue(), gates, new WorktreeTaskCleanup(repo.Worktrees(), settings.BaseBranch), host, settings);
        var plan = MergePlanner.Plan(tasks, settings.ScopeEnforcement, conflicts);
        return await run.ExecuteAsync(plan, t => new GateRequest
        {
            Task = t.Name,
            Command = GateCommands.GetValueOrDefault(t.Name),
            WorkingDirectory = t.WorktreePath ?? repo.Path,
            Timeout = TimeSpan.FromSeconds(60),
        });
    }

    /// <summary>Every commit reachable from any ref or worktree HEAD.</summary>
    public HashSet<string> Reachable() =>
        repo.Git("rev-list", "--all").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();

    public static MergeRunSettings Settings(bool fastForward = false, bool gateAfterMerge = false, CleanupPolicy cleanup = CleanupPolicy.OnMerge) =>
        new() { BaseBranch = "main", FastForward = fastForward, GateAfterMerge = gateAfterMerge, Cleanup = cleanup };
}
