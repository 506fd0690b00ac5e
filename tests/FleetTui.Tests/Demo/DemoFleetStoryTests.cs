using System.Threading.Channels;
using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using FleetTui.Core.Worktrees;
using FleetTui.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Demo;

/// <summary>
/// The demo as a newcomer sees it, through the real engine: worktrees made with the fleet.toml's [setup], each scripted agent run in
/// its worktree, then the merge queue: catalog, pricing and docs merge, discounts goes to review with src/pricing.sh, checkout starts
/// from the integrated base and merges on the next run. (No TUI: the session's role is played by this test.)
/// </summary>
public sealed class DemoFleetStoryTests : IDisposable
{
    private readonly IsolatedGit _git = new();

    public void Dispose() => _git.Dispose();

    [Fact]
    public async Task The_demo_fleet_merges_in_dependency_order_and_sends_the_conflict_to_review()
    {
        using var repository = await _git.CreateDemoAsync();
        var config = ConfigLoader.Load(repository.FleetTomlPath);
        var gitCli = new GitCli(new GitCliOptions { Environment = _git.Environment.ToDictionary(e => e.Key, string? (e) => e.Value) });
        var worktrees = new WorktreeManager(gitCli, await RepositoryFacts.ReadAsync(gitCli, repository.RepositoryPath));
        var facts = new Dictionary<string, TaskMergeFacts>();
        var ready = DateTimeOffset.UnixEpoch;

        async Task<TaskMergeFacts> StartAndFinishAsync(TaskConfig task, string baseRef)
        {
            var path = Path.Combine(repository.Root, "shop.worktrees", task.Name);
            var values = new TemplateValues
            {
                Task = task.Name, Branch = task.Branch, Worktree = path, Repo = repository.RepositoryPath,
                Db = TemplateExpander.Expand(config.Setup.Database!, new TemplateValues { Task = task.Name, Branch = task.Branch, Worktree = path, Repo = repository.RepositoryPath }),
            };
            var created = await worktrees.CreateAsync(new WorktreeRequest
            {
                Task = task.Name, Branch = task.Branch, BaseRef = baseRef, Path = path, Setup = config.Setup,
                Environment = new Dictionary<string, string>(values.ToEnvironment().Concat(_git.Environment)), Caches = config.Setup.Caches,
            });
            created.Setup.Succeeded.ShouldBeTrue($"setup of {task.Name}");
            File.Exists(Path.Combine(path, ".env")).ShouldBeTrue();
            File.Exists(Path.Combine(path, ".data", $"shop_{task.Name}.sql")).ShouldBeTrue();

            var agent = new DemoAgent(DemoScripts.For(task.Name)!, new DemoWorkspace(path, _git.Environment),
                new DemoAgentOptions { Speed = 1000, AutoApprove = true, ExitWhenDone = true },
                TextWriter.Null, Channel.CreateUnbounded<DemoAgentInput>().Reader, () => 100);
            (await agent.RunAsync()).ShouldBe(0);

            ready = ready.AddSeconds(1);
            return new TaskMergeFacts
            {
                Name = task.Name, Branch = task.Branch, WorktreePath = path, DependsOn = task.DependsOn, Phase = TaskPhase.Active,
                AgentFinished = true, Ahead = 1, Uncommitted = 0, ReadySince = ready,
                Tip = (await _git.GitAsync(path, "rev-parse", "HEAD")).Trim(),
            };
        }

        foreach (var task in config.Tasks)
        {
            facts[task.Name] = task.DependsOn.Count == 0
                ? await StartAndFinishAsync(task, DemoFleet.BaseBranch)
                : new TaskMergeFacts { Name = task.Name, Branch = task.Branch, DependsOn = task.DependsOn, Phase = TaskPhase.Blocked };
        }
        var host = new RecordingHost();
        var gates = new GateRunner(Path.Combine(repository.Root, "logs"));
        var run = new MergeRun(new MergeQueue(gitCli, worktrees, gates), gates, new WorktreeTaskCleanup(worktrees, DemoFleet.BaseBranch), host,
            MergeRunSettings.From(config.Fleet, DemoFleet.BaseBranch));
        GateRequest GateFor(TaskMergeFacts task) => new() { Task = task.Name, Command = config.Fleet.Gate, WorkingDirectory = task.WorktreePath! };

        var first = await run.ExecuteAsync(MergePlanner.Plan([.. facts.Values], config.Fleet.ScopeEnforcement), GateFor);

        first.Merged.ShouldBe(["catalog", "pricing", "docs"], ignoreOrder: true);
        first.SentToReview.ShouldBe(["discounts"]);
        host.Conflicts["discounts"].ShouldBe(["src/pricing.sh"]);
        var started = host.Started.ShouldHaveSingleItem();
        started.Task.ShouldBe("checkout");
        (await _git.GitAsync(repository.RepositoryPath, "show", "-s", "--format=%s", started.BaseCommit)).Trim().ShouldBe("Merge fleet task 'pricing' (fleet/pricing)");
        (await _git.RunAsync(repository.RepositoryPath, "git", "merge-base", "--is-ancestor", facts["catalog"].Tip!, started.BaseCommit)).ExitCode.ShouldBe(0);

        foreach (var name in first.Merged)
            facts[name] = facts[name] with { Phase = TaskPhase.Merged };
        facts["discounts"] = facts["discounts"] with { Phase = TaskPhase.Review };
        facts["checkout"] = await StartAndFinishAsync(config.FindTask("checkout")!, started.BaseCommit);

        var second = await run.ExecuteAsync(MergePlanner.Plan([.. facts.Values], config.Fleet.ScopeEnforcement), GateFor, new HashSet<string> { "checkout" });

        second.Merged.ShouldBe(["checkout"]);
        (await _git.RunAsync(repository.RepositoryPath, "sh", "check.sh")).ExitCode.ShouldBe(0, "main passes its gate with everything merged");
        (await _git.GitAsync(repository.RepositoryPath, "show", "main:src/pricing.sh")).ShouldContain("VAT_PERCENT");
        (await _git.GitAsync(repository.RepositoryPath, "show", "main:src/pricing.sh")).ShouldNotContain("MEMBER_DISCOUNT");
        (await _git.GitAsync(repository.RepositoryPath, "rev-parse", "fleet/discounts")).Trim().ShouldBe(facts["discounts"].Tip);
    }

    private sealed class RecordingHost : IMergeRunHost
    {
        public Dictionary<string, IReadOnlyList<string>> Conflicts { get; } = [];

        public List<(string Task, string BaseCommit)> Started { get; } = [];

        public void Report(MergeStep step)
        {
        }

        public Task GateFinishedAsync(string task, GateState gate, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task TaskMergedAsync(string task, MergeOutcome outcome, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task TaskSentToReviewAsync(string task, IReadOnlyList<string> conflicts, string note, CancellationToken cancellationToken)
        {
            Conflicts[task] = conflicts;
            return Task.CompletedTask;
        }

        public Task<string?> StartDependentAsync(string task, string baseCommit, CancellationToken cancellationToken)
        {
            Started.Add((task, baseCommit));
            return Task.FromResult<string?>(null);
        }
    }
}
