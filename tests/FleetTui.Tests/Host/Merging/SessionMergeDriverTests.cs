using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Panes;
using System.Collections.Concurrent;
using System.Threading.Channels;
using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Session;
using FleetTui.Demo;
using FleetTui.Tests.Demo;
using FleetTui.Ui.Merging;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Merging;

/// <summary>
/// The real driver over a real session on the demo repository: pricing and discounts both rewrite src/pricing.sh.
/// Their scripted agents run to the end (commits included), then the driver predicts, gates, merges and routes to review.
/// </summary>
public sealed class SessionMergeDriverTests : IAsyncLifetime
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(30);
    private readonly IsolatedGit _git = new();
    private DemoRepository _repository = null!;
    private FleetSession? _session;
    private SessionMergeDriver? _driver;
    private readonly ConcurrentQueue<MergeActivity> _seen = new();

    public async Task InitializeAsync()
    {
        _repository = await _git.CreateDemoAsync();
        await OpenAsync(config => config);
    }

    /// <summary>(Re)opens the session and a driver on it, with the demo's fleet.toml changed by <paramref name="change"/>.</summary>
    private async Task OpenAsync(Func<FleetConfig, FleetConfig> change)
    {
        if (_driver is not null)
            await _driver!.DisposeAsync();
        if (_session is not null)
            await _session.DisposeAsync();
        var gitCli = new GitCli(new GitCliOptions { Environment = _git.Environment.ToDictionary(e => e.Key, string? (e) => e.Value) });
        _session = await FleetSession.OpenAsync(new FleetSessionOptions
        {
            RepositoryDirectory = _repository.RepositoryPath,
            Config = change(ConfigLoader.Load(_repository.FleetTomlPath)),
            Git = gitCli,
            ExtraSetupEnvironment = _git.Environment,
        });
        _driver = new SessionMergeDriver(_session, gitCli);
        _driver!.ActivityChanged += () => _seen.Enqueue(_driver!.Activity);
    }

    public async Task DisposeAsync()
    {
        if (_driver is not null)
            await _driver.DisposeAsync();
        if (_session is not null)
            await _session.DisposeAsync();
        _repository.Dispose();
        _git.Dispose();
    }

    private async Task FinishAsync(string task)
    {
        (await _session!.SendAsync(new SessionCommand.CreateTask(task))).Succeeded.ShouldBeTrue($"create {task}");
        var agent = new DemoAgent(DemoScripts.For(task)!, new DemoWorkspace(_session!.Current.FindTask(task)!.WorktreePath, _git.Environment),
            new DemoAgentOptions { Speed = 1000, AutoApprove = true, ExitWhenDone = true },
            TextWriter.Null, Channel.CreateUnbounded<DemoAgentInput>().Reader, () => 100);
        (await agent.RunAsync()).ShouldBe(0);
        await _session!.SendAsync(new SessionCommand.RefreshStatus());
    }

    private async Task<MergeActivity> ActivityAsync(Func<MergeActivity, bool> condition, string what) =>
        await Eventually.HoldsAsync(() => Task.FromResult(_driver!.Activity), condition, what, Slow);

    [Fact]
    public async Task Predicts_the_conflict_when_the_second_branch_commits()
    {
        await FinishAsync("pricing");
        await FinishAsync("discounts");

        var activity = await ActivityAsync(a => a.Conflicts.Count > 0, "a predicted conflict");

        var conflict = activity.Conflicts.ShouldHaveSingleItem();
        new[] { conflict.Task, conflict.OtherTask }.ShouldBe(["pricing", "discounts"], ignoreOrder: true);
        conflict.Paths.ShouldBe(["src/pricing.sh"]);
    }

    [Fact]
    public async Task Merging_all_ready_merges_one_sends_the_other_to_review_and_reports_progress_on_the_way()
    {
        await FinishAsync("pricing");
        await FinishAsync("discounts");
        var mainBefore = (await _git.GitAsync(_repository.RepositoryPath, "rev-parse", "main")).Trim();

        await _driver!.MergeAsync(null);

        var snapshot = _session!.Current;
        var phases = new[] { snapshot.FindTask("pricing")!, snapshot.FindTask("discounts")! };
        var merged = phases.Where(t => t.Phase == TaskPhase.Merged).ShouldHaveSingleItem();
        var review = phases.Single(t => t.Phase == TaskPhase.Review);
        review.ReviewConflicts.ShouldBe(["src/pricing.sh"]);
        (await _git.GitAsync(_repository.RepositoryPath, "rev-parse", "main")).Trim().ShouldNotBe(mainBefore);

        var activity = _driver!.Activity;
        activity.Running.ShouldBeNull();
        activity.LastResult.ShouldBe($"Merged {merged.Name}; in review: {review.Name}.");
        activity.LastResultFailed.ShouldBeTrue();
        activity.For(merged.Name)!.Kind.ShouldBe(TaskMergeActivityKind.Merged);
        activity.For(review.Name)!.Kind.ShouldBe(TaskMergeActivityKind.Review);
        activity.For(review.Name)!.Text.ShouldContain("src/pricing.sh");
        _seen.ShouldContain(a => a.Running == "merging every ready task");
        _seen.Any(a => a.IsGateRunning(merged.Name)).ShouldBeTrue("the gate ran inside the merge, and said so");
    }

    [Fact]
    public async Task Runs_a_gate_records_it_in_the_session_and_names_the_log()
    {
        await FinishAsync("pricing");

        await _driver!.RunGateAsync("pricing");

        var gate = _session!.Current.FindTask("pricing")!.Gate;
        gate.Outcome.ShouldBe(GateOutcome.Passed);
        File.Exists(gate.LogPath).ShouldBeTrue();
        _driver!.Activity.For("pricing")!.ShouldBe(new TaskMergeActivity(TaskMergeActivityKind.GatePassed, $"gate passed (run {gate.RunNumber})"));
        (await _driver!.ReadLogAsync(gate.LogPath!, 50)).ShouldContain(line => line.Contains("sh check.sh"));
    }

    [Fact]
    public async Task Retry_takes_a_task_out_of_review_and_mark_done_refuses_a_task_without_work()
    {
        await FinishAsync("pricing");
        await FinishAsync("discounts");
        await _driver!.MergeAsync(null);
        var review = _session!.Current.Tasks.Single(t => t.Phase == TaskPhase.Review).Name;

        await _driver!.RetryAsync(review);
        await _driver!.MarkDoneAsync("checkout");

        _session!.Current.FindTask(review)!.Phase.ShouldBe(TaskPhase.Done);
        _driver!.Activity.LastResult.ShouldBe("checkout has no running work to mark done");
        _driver!.Activity.LastResultFailed.ShouldBeTrue();
    }

    [Fact]
    public async Task A_task_outside_its_scope_under_block_merges_only_after_the_scope_is_accepted()
    {
        await OpenAsync(config => config with { Fleet = config.Fleet with { ScopeEnforcement = ScopeEnforcement.Block } });
        await FinishAsync("docs");
        var worktree = _session!.Current.FindTask("docs")!.WorktreePath;
        await File.WriteAllTextAsync(Path.Combine(worktree, "src", "extra.sh"), "echo extra\n");
        await _git.GitAsync(worktree, "add", "src/extra.sh");
        await _git.GitAsync(worktree, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "docs: also a script");
        await _session!.SendAsync(new SessionCommand.RefreshStatus());

        await _driver!.MergeAsync(["docs"]);

        _session!.Current.FindTask("docs")!.Phase.ShouldNotBe(TaskPhase.Merged);
        _driver!.Activity.LastResult.ShouldBe("Nothing to merge: docs: 1 file(s) outside its scope: src/extra.sh (accept the scope to merge).");

        await _driver!.AcceptScopeAsync("docs");
        await _driver!.MergeAsync(["docs"]);

        _session!.Current.FindTask("docs")!.Phase.ShouldBe(TaskPhase.Merged);
        _driver!.Activity.LastResult.ShouldBe("Merged docs.");
    }
}
