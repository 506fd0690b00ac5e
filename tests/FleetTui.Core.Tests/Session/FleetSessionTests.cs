using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;
using static FleetTui.Core.Tests.Support.FleetFixture;

namespace FleetTui.Core.Tests.Session;

public class FleetSessionTests
{
    private static async Task<List<SessionEvent>> DrainAsync(SessionSubscription subscription)
    {
        var events = new List<SessionEvent>();
        while (subscription.Events.TryRead(out var e))
            events.Add(e);
        await Task.CompletedTask;
        return events;
    }

    [Fact]
    public async Task Declared_tasks_start_pending_or_blocked_by_unmerged_dependencies()
    {
        using var repo = await TempRepo.CreateAsync();
        await using var session = await OpenAsync(repo, FleetOf(repo, Declared("api"), Declared("web", "api")));

        var snapshot = session.Current;

        snapshot.BaseBranch.ShouldBe("main");
        snapshot.FindTask("api")!.Phase.ShouldBe(TaskPhase.Pending);
        snapshot.FindTask("web")!.Phase.ShouldBe(TaskPhase.Blocked);
        snapshot.FindTask("web")!.WorktreePath.ShouldBe(Path.Combine(repo.RootDir, "repo.worktrees", "web"));
    }

    [Fact]
    public async Task Creating_a_task_makes_its_worktree_persists_it_and_publishes_snapshot_and_events()
    {
        using var repo = await TempRepo.CreateAsync();
        var config = FleetOf(repo, Declared("api") with { Ports = ["web", "db"] }) with { Fleet = new FleetSettings { Base = "main", Ports = new PortRange(47100, 47199) } };
        await using var session = await OpenAsync(repo, config);
        using var events = session.Subscribe();
        var before = session.Current.Version;

        var result = await session.SendAsync(new SessionCommand.CreateTask("api"));

        result.Succeeded.ShouldBeTrue(result.Message);
        var task = session.Current.FindTask("api")!;
        task.Phase.ShouldBe(TaskPhase.Active);
        Directory.Exists(task.WorktreePath).ShouldBeTrue();
        task.Ports.Keys.ShouldBe(["web", "db"], ignoreOrder: true);
        task.Ports.Values.Distinct().Count().ShouldBe(2);
        task.Status!.Ahead.ShouldBe(0);
        session.Current.Version.ShouldBeGreaterThan(before);
        var received = await DrainAsync(events);
        received.OfType<SessionEvent.PhaseChanged>().Select(e => e.New).ShouldBe([TaskPhase.SettingUp, TaskPhase.Active]);
        received.OfType<SessionEvent.TaskCreated>().Single().Name.ShouldBe("api");
        received.Select(e => e.Version).ShouldBe(received.Select(e => e.Version).Order());
        File.ReadAllText(Path.Combine(repo.CommonDir, "fleet", "state.json")).ShouldContain("fleet/api");
    }

    [Fact]
    public async Task A_new_session_finds_every_task_port_and_flag_as_it_was_left()
    {
        using var repo = await TempRepo.CreateAsync();
        var config = FleetOf(repo, Declared("api") with { Ports = ["web"] });
        IReadOnlyDictionary<string, int> ports;
        await using (var first = await OpenAsync(repo, config))
        {
            (await first.SendAsync(new SessionCommand.CreateTask("api"))).Succeeded.ShouldBeTrue();
            (await first.SendAsync(new SessionCommand.RecordGate("api", new GateState(GateOutcome.Failed, 3)))).Succeeded.ShouldBeTrue();
            (await first.SendAsync(new SessionCommand.RecordReview("api", ["src/a.cs"], "conflict with web"))).Succeeded.ShouldBeTrue();
            ports = first.Current.FindTask("api")!.Ports;
        }

        await using var second = await OpenAsync(repo, config);

        var task = second.Current.FindTask("api")!;
        task.Phase.ShouldBe(TaskPhase.Review);
        task.Ports.ShouldBe(ports);
        task.Gate.Outcome.ShouldBe(GateOutcome.Failed);
        task.Gate.RunNumber.ShouldBe(3);
        task.ReviewConflicts.ShouldBe(["src/a.cs"]);
        task.Note.ShouldBe("conflict with web");
        second.Current.RecoveryNotes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Ports_are_unique_across_the_fleet_and_released_on_destroy()
    {
        using var repo = await TempRepo.CreateAsync();
        var config = FleetOf(repo, Declared("a") with { Ports = ["web"] }, Declared("b") with { Ports = ["web"] }) with
        {
            Fleet = new FleetSettings { Base = "main", Ports = new PortRange(47200, 47299) },
        };
        await using var session = await OpenAsync(repo, config);
        await session.SendAsync(new SessionCommand.CreateTask("a"));
        await session.SendAsync(new SessionCommand.CreateTask("b"));
        var portOfA = session.Current.FindTask("a")!.Ports["web"];
        session.Current.FindTask("b")!.Ports["web"].ShouldNotBe(portOfA);

        (await session.SendAsync(new SessionCommand.DestroyTask("a"))).Succeeded.ShouldBeTrue();
        new SessionStore(Path.Combine(repo.CommonDir, "fleet")).Load().AllPorts.ShouldNotContain(portOfA);
        await session.SendAsync(new SessionCommand.CreateTask("a"));

        session.Current.FindTask("a")!.Ports["web"].ShouldBe(portOfA);
    }

    [Fact]
    public async Task The_setup_command_receives_fleet_values_and_a_failure_leaves_the_task_setup_failed_with_its_log()
    {
        using var repo = await TempRepo.CreateAsync();
        var config = FleetOf(repo, Declared("api") with { Ports = ["web"], Env = new Dictionary<string, string> { ["GREETING"] = "hi {task}" } }) with
        {
            Setup = new SetupConfig { Run = "echo \"$FLEET_TASK $FLEET_BRANCH $FLEET_DB $FLEET_PORT_WEB $GREETING\" > env.txt; exit 3", Database = "app_{task}" },
            Fleet = new FleetSettings { Base = "main", Ports = new PortRange(47300, 47399) },
        };
        await using var session = await OpenAsync(repo, config);

        var result = await session.SendAsync(new SessionCommand.CreateTask("api"));

        result.Succeeded.ShouldBeFalse();
        var task = session.Current.FindTask("api")!;
        task.Phase.ShouldBe(TaskPhase.SetupFailed);
        task.Note!.ShouldContain("exited with code 3");
        task.SetupLog.ShouldBe(Path.Combine(repo.CommonDir, "fleet", "logs", "api", "setup.log"));
        File.Exists(task.SetupLog).ShouldBeTrue();
        File.ReadAllText(Path.Combine(task.WorktreePath, "env.txt")).Trim().ShouldBe($"api fleet/api app_api {task.Ports["web"]} hi api");
        task.Database.ShouldBe("app_api");
    }

    [Fact]
    public async Task A_failed_creation_forgets_the_reservation_and_reports_why()
    {
        using var repo = await TempRepo.CreateAsync();
        await repo.RunGitAsync("branch", "fleet/api");
        await using var session = await OpenAsync(repo, FleetOf(repo, Declared("api") with { Ports = ["web"] }));

        var result = await session.SendAsync(new SessionCommand.CreateTask("api"));

        result.Succeeded.ShouldBeFalse();
        result.Message.ShouldContain("already exists");
        session.Current.FindTask("api")!.Phase.ShouldBe(TaskPhase.Pending);
        session.Current.FindTask("api")!.Ports.ShouldBeEmpty();
        // The snapshot keeps why, so the cockpit can show it in the task's pane...
        session.Current.FindTask("api")!.Note.ShouldBe(result.Message);

        // ...until it is tried again (here with the obstacle gone: the retry succeeds and the note is gone).
        await repo.RunGitAsync("branch", "-D", "fleet/api");
        (await session.SendAsync(new SessionCommand.CreateTask("api"))).Succeeded.ShouldBeTrue();
        session.Current.FindTask("api")!.Note.ShouldBeNull();
        session.Current.FindTask("api")!.Phase.ShouldBe(TaskPhase.Active);
    }

    [Fact]
    public async Task Refuses_to_create_a_blocked_task_naming_its_dependencies()
    {
        using var repo = await TempRepo.CreateAsync();
        await using var session = await OpenAsync(repo, FleetOf(repo, Declared("api"), Declared("web", "api")));

        var result = await session.SendAsync(new SessionCommand.CreateTask("web"));

        result.Succeeded.ShouldBeFalse();
        result.Message.ShouldContain("depends on api");
    }

    [Fact]
    public async Task A_merged_dependency_unblocks_its_dependents()
    {
        using var repo = await TempRepo.CreateAsync();
        await using var session = await OpenAsync(repo, FleetOf(repo, Declared("api"), Declared("web", "api")));
        await session.SendAsync(new SessionCommand.CreateTask("api"));

        await session.SendAsync(new SessionCommand.SetPhase("api", TaskPhase.Merged));

        session.Current.FindTask("web")!.Phase.ShouldBe(TaskPhase.Pending);
    }

    [Fact]
    public async Task Refresh_reports_status_changes_once()
    {
        using var repo = await TempRepo.CreateAsync();
        await using var session = await OpenAsync(repo, FleetOf(repo, Declared("api")));
        await session.SendAsync(new SessionCommand.CreateTask("api"));
        using var events = session.Subscribe();
        var path = session.Current.FindTask("api")!.WorktreePath;
        await repo.CommitFileAsync("x.txt", "x", "work", path);

        await session.SendAsync(new SessionCommand.RefreshStatus());
        var versionAfterFirst = session.Current.Version;
        await session.SendAsync(new SessionCommand.RefreshStatus());

        session.Current.FindTask("api")!.Status!.Ahead.ShouldBe(1);
        session.Current.Version.ShouldBe(versionAfterFirst);
        (await DrainAsync(events)).OfType<SessionEvent.StatusChanged>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task Destroy_refuses_uncommitted_work_with_the_paths_in_the_details()
    {
        using var repo = await TempRepo.CreateAsync();
        await using var session = await OpenAsync(repo, FleetOf(repo, Declared("api")));
        await session.SendAsync(new SessionCommand.CreateTask("api"));
        repo.WriteFile("wip.txt", "w", session.Current.FindTask("api")!.WorktreePath);

        var refused = await session.SendAsync(new SessionCommand.DestroyTask("api"));
        var forced = await session.SendAsync(new SessionCommand.DestroyTask("api", Force: true));

        refused.Succeeded.ShouldBeFalse();
        refused.Details.ShouldContain("wip.txt");
        forced.Succeeded.ShouldBeTrue();
        session.Current.FindTask("api")!.Phase.ShouldBe(TaskPhase.Pending);
    }

    [Fact]
    public async Task Recovers_a_worktree_deleted_by_hand_as_missing_and_a_deleted_branch_as_a_note()
    {
        using var repo = await TempRepo.CreateAsync();
        var config = FleetOf(repo, Declared("gone"), Declared("nobranch"));
        await using (var first = await OpenAsync(repo, config))
        {
            await first.SendAsync(new SessionCommand.CreateTask("gone"));
            await first.SendAsync(new SessionCommand.CreateTask("nobranch"));
        }

        Directory.Delete(Path.Combine(repo.RootDir, "repo.worktrees", "gone"), recursive: true);
        var nobranch = Path.Combine(repo.RootDir, "repo.worktrees", "nobranch");
        await repo.Git.RunAsync(nobranch, ["switch", "--quiet", "--detach"]);
        await repo.RunGitAsync("branch", "-D", "fleet/nobranch");
        await using var second = await OpenAsync(repo, config);
        using var _ = second.Subscribe();

        var snapshot = second.Current;
        snapshot.FindTask("gone")!.Phase.ShouldBe(TaskPhase.Missing);
        snapshot.FindTask("gone")!.Note!.ShouldContain("branch fleet/gone kept");
        snapshot.RecoveryNotes.ShouldContain(n => n.StartsWith("gone:") && n.Contains("deleted outside fleet"));
        snapshot.RecoveryNotes.ShouldContain(n => n.StartsWith("nobranch:") && n.Contains("branch fleet/nobranch was deleted"));
        (await repo.RunGitAsync("worktree", "list")).ShouldNotContain("repo.worktrees/gone");
        (await repo.Git.BranchExistsAsync(repo.Path, "fleet/gone")).ShouldBeTrue();
    }

    [Fact]
    public async Task Notes_a_branch_rewritten_behind_our_back()
    {
        using var repo = await TempRepo.CreateAsync();
        var config = FleetOf(repo, Declared("api"));
        await using (var first = await OpenAsync(repo, config))
        {
            await first.SendAsync(new SessionCommand.CreateTask("api"));
            await repo.CommitFileAsync("a.txt", "a", "work", first.Current.FindTask("api")!.WorktreePath);
        }

        await using (var second = await OpenAsync(repo, config))
            second.Current.RecoveryNotes.ShouldBeEmpty(); // a fast-forward by the agent is normal
        await repo.Git.RunAsync(Path.Combine(repo.RootDir, "repo.worktrees", "api"), ["reset", "--quiet", "--hard", "main"]);
        await repo.CommitFileAsync("b.txt", "b", "other history", Path.Combine(repo.RootDir, "repo.worktrees", "api"));

        await using var third = await OpenAsync(repo, config);

        third.Current.RecoveryNotes.ShouldContain(n => n.Contains("rewritten"));
    }

    [Fact]
    public async Task A_worktree_deleted_while_running_turns_missing_at_the_next_refresh()
    {
        using var repo = await TempRepo.CreateAsync();
        await using var session = await OpenAsync(repo, FleetOf(repo, Declared("api")));
        await session.SendAsync(new SessionCommand.CreateTask("api"));

        Directory.Delete(session.Current.FindTask("api")!.WorktreePath, recursive: true);
        await session.SendAsync(new SessionCommand.RefreshStatus());

        session.Current.FindTask("api")!.Phase.ShouldBe(TaskPhase.Missing);
    }

    [Fact]
    public async Task New_adds_a_task_outside_the_config_that_survives_a_restart_and_validates_like_the_loader()
    {
        using var repo = await TempRepo.CreateAsync();
        var config = FleetOf(repo, Declared("api"));
        await using (var first = await OpenAsync(repo, config))
        {
            (await first.SendAsync(new SessionCommand.NewTask("Bad Name"))).Message.ShouldContain("Invalid task name");
            (await first.SendAsync(new SessionCommand.NewTask("x", Branch: "bad..branch"))).Message.ShouldContain("Invalid branch name");
            (await first.SendAsync(new SessionCommand.NewTask("api"))).Message.ShouldContain("already exists");
            (await first.SendAsync(new SessionCommand.NewTask("x", DependsOn: ["nope"]))).Message.ShouldContain("Unknown dependency");
            (await first.SendAsync(new SessionCommand.NewTask("x", Agent: "nope"))).Message.ShouldContain("Unknown agent");
            (await first.SendAsync(new SessionCommand.NewTask("x", Base: "no-such-branch"))).Message.ShouldContain("Unknown base");
            var created = await first.SendAsync(new SessionCommand.NewTask("hotfix", Agent: "claude"));
            created.Succeeded.ShouldBeTrue(created.Message);
        }

        await using var second = await OpenAsync(repo, config);

        var task = second.Current.FindTask("hotfix")!;
        task.Origin.ShouldBe(TaskOrigin.Cli);
        task.Phase.ShouldBe(TaskPhase.Active);
        task.AgentName.ShouldBe("claude");
        task.Branch.ShouldBe("fleet/hotfix");
    }

    [Fact]
    public async Task New_can_stack_on_another_task()
    {
        using var repo = await TempRepo.CreateAsync();
        await using var session = await OpenAsync(repo, FleetOf(repo, Declared("api")));
        await session.SendAsync(new SessionCommand.CreateTask("api"));
        await repo.CommitFileAsync("api.txt", "a", "api work", session.Current.FindTask("api")!.WorktreePath);

        (await session.SendAsync(new SessionCommand.NewTask("ui", Base: "api"))).Succeeded.ShouldBeTrue();

        var ui = session.Current.FindTask("ui")!;
        ui.BaseBranch.ShouldBe("fleet/api");
        File.Exists(Path.Combine(ui.WorktreePath, "api.txt")).ShouldBeTrue();
    }

    [Fact]
    public async Task Prune_removes_merged_tasks_and_forgets_missing_ones()
    {
        using var repo = await TempRepo.CreateAsync();
        await using var session = await OpenAsync(repo, FleetOf(repo, Declared("merged"), Declared("lost"), Declared("busy")));
        foreach (var name in new[] { "merged", "lost", "busy" })
            await session.SendAsync(new SessionCommand.CreateTask(name));
        var mergedPath = session.Current.FindTask("merged")!.WorktreePath;
        await repo.CommitFileAsync("m.txt", "m", "merged work", mergedPath);
        await repo.RunGitAsync("merge", "--quiet", "--no-edit", "fleet/merged");
        await session.SendAsync(new SessionCommand.SetPhase("merged", TaskPhase.Merged));
        var lostPath = session.Current.FindTask("lost")!.WorktreePath;
        await repo.CommitFileAsync("l.txt", "l", "unmerged lost work", lostPath);
        Directory.Delete(lostPath, recursive: true);
        await session.SendAsync(new SessionCommand.RefreshStatus());

        var result = await session.SendAsync(new SessionCommand.Prune());

        result.Details.Count.ShouldBe(2);
        result.Details.ShouldContain(l => l.StartsWith("merged:") && l.Contains("branch fleet/merged"));
        result.Details.ShouldContain(l => l.StartsWith("lost:") && l.Contains("kept: 1 commit(s)"));
        Directory.Exists(mergedPath).ShouldBeFalse();
        (await repo.Git.BranchExistsAsync(repo.Path, "fleet/merged")).ShouldBeFalse();
        (await repo.Git.BranchExistsAsync(repo.Path, "fleet/lost")).ShouldBeTrue();
        session.Current.FindTask("merged")!.Phase.ShouldBe(TaskPhase.Merged);
        session.Current.FindTask("lost")!.Phase.ShouldBe(TaskPhase.Pending);
        session.Current.FindTask("busy")!.Phase.ShouldBe(TaskPhase.Active);
    }

    private sealed class RecordingLauncher : IAgentLauncher
    {
        public List<string> Launched { get; } = [];

        public ValueTask TaskBecameActiveAsync(TaskSnapshot task, CancellationToken cancellationToken)
        {
            lock (Launched)
                Launched.Add(task.Name);
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Tells_the_agent_launcher_when_a_task_becomes_active_and_takes_agent_state_back()
    {
        using var repo = await TempRepo.CreateAsync();
        var launcher = new RecordingLauncher();
        await using var session = await FleetSession.OpenAsync(new FleetSessionOptions
        {
            RepositoryDirectory = repo.Path, Config = FleetOf(repo, Declared("api")), Git = repo.Git, AgentLauncher = launcher,
        });

        await session.SendAsync(new SessionCommand.CreateTask("api"));
        await session.SendAsync(new SessionCommand.UpdateAgent("api", new AgentState(AgentActivity.Working)));

        launcher.Launched.ShouldBe(["api"]);
        session.Current.FindTask("api")!.Agent.Activity.ShouldBe(AgentActivity.Working);
    }

    [Fact]
    public async Task Status_refreshes_are_answered_while_a_slow_setup_runs()
    {
        using var repo = await TempRepo.CreateAsync();
        var marker = Path.Combine(repo.RootDir, "release-setup");
        var config = FleetOf(repo, Declared("slow")) with
        {
            Setup = new SetupConfig { Run = $"while [ ! -e '{marker}' ]; do sleep 0.05; done" },
        };
        await using var session = await OpenAsync(repo, config);

        var creating = session.SendAsync(new SessionCommand.CreateTask("slow"));
        (await Eventually.HoldsAsync(() => session.Current.FindTask("slow")!.Phase == TaskPhase.SettingUp)).ShouldBeTrue();
        (await session.SendAsync(new SessionCommand.RefreshStatus())).Succeeded.ShouldBeTrue();
        creating.IsCompleted.ShouldBeFalse();
        File.WriteAllText(marker, "");

        (await creating).Succeeded.ShouldBeTrue();
        session.Current.FindTask("slow")!.Phase.ShouldBe(TaskPhase.Active);
    }

    [Fact]
    public async Task New_gives_a_task_the_ports_every_declared_task_has_so_fleet_wide_templates_expand()
    {
        using var repo = await TempRepo.CreateAsync();
        var config = FleetOf(repo, Declared("a") with { Ports = ["web", "api"] }, Declared("b") with { Ports = ["web"] }) with
        {
            Fleet = new FleetSettings { Base = "main", Ports = new PortRange(47600, 47699), Env = new Dictionary<string, string> { ["URL"] = "http://localhost:{port.web}" } },
        };
        await using var session = await OpenAsync(repo, config);

        var result = await session.SendAsync(new SessionCommand.NewTask("extra"));

        result.Succeeded.ShouldBeTrue(result.Message);
        session.Current.FindTask("extra")!.Ports.Keys.ShouldBe(["web"]);
    }

    [Fact]
    public async Task A_refused_new_task_leaves_no_trace()
    {
        using var repo = await TempRepo.CreateAsync();
        var config = FleetOf(repo) with
        {
            Fleet = new FleetSettings { Base = "main", Env = new Dictionary<string, string> { ["URL"] = "http://localhost:{port.web}" } },
        };
        await using var session = await OpenAsync(repo, config);

        var result = await session.SendAsync(new SessionCommand.NewTask("extra"));

        result.Succeeded.ShouldBeFalse();
        result.Message.ShouldContain("Cannot create task 'extra'");
        result.Message.ShouldContain("port 'web'");
        session.Current.FindTask("extra").ShouldBeNull();
    }
}
