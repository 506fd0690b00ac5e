using FleetTui.Core.Config;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;
using static FleetTui.Core.Tests.Support.FleetFixture;

namespace FleetTui.Core.Tests.Session;

/// <summary>
/// This machine's record of a task fleet.toml declares on a remote host, once it merged here: persisted in state.json by the
/// session, it unblocks local dependents (the plan names the remote task as <c>task@host</c> until then) and nothing local acts on it.
/// </summary>
public class RemoteMergedRecordTests
{
    private static FleetConfig Fleet(TempRepo repo) => FleetOf(repo, Declared("api") with { Host = "box" }, Declared("web", "api")) with
    {
        Hosts = new Dictionary<string, RemoteHostConfig> { ["box"] = new() { Name = "box", Ssh = "remote-box", Path = "/srv/clone" } },
    };

    [Fact]
    public async Task A_local_task_waits_on_the_remote_task_by_its_host_name_until_it_is_recorded_merged_here()
    {
        using var repo = await TempRepo.CreateAsync();
        var config = Fleet(repo);
        await using (var session = await OpenAsync(repo, config))
        {
            MergePlanner.PlanFor(session.Current).Find("web")!.Readiness.ShouldBe(new MergeReadiness.WaitingOn(["api@box"]));
            (await session.SendAsync(new SessionCommand.CreateTask("web"))).Succeeded.ShouldBeFalse("web is blocked on api");

            var recorded = await session.SendAsync(new SessionCommand.RecordRemoteMerged("api", "box", "merged from host 'box'"));

            recorded.Succeeded.ShouldBeTrue(recorded.Message);
            session.Current.FindTask("api")!.Phase.ShouldBe(TaskPhase.Merged);
            session.Current.FindTask("web")!.Phase.ShouldBe(TaskPhase.Pending);
        }

        // Persisted: the next session (the next run, ps) knows it, web may start, and prune leaves the record alone.
        await using var next = await OpenAsync(repo, config);
        next.Current.FindTask("api")!.Phase.ShouldBe(TaskPhase.Merged);
        next.Current.FindTask("api")!.Host.ShouldBe("box");
        (await next.SendAsync(new SessionCommand.Prune())).Succeeded.ShouldBeTrue();
        next.Current.FindTask("api")!.Phase.ShouldBe(TaskPhase.Merged);
        var created = await next.SendAsync(new SessionCommand.CreateTask("web"));
        created.Succeeded.ShouldBeTrue(created.Message);
        Directory.Exists(next.Current.FindTask("api")!.WorktreePath).ShouldBeFalse("nothing of api is made here");
    }

    [Fact]
    public async Task Only_a_task_fleet_toml_declares_on_that_host_is_recorded()
    {
        using var repo = await TempRepo.CreateAsync();
        await using var session = await OpenAsync(repo, Fleet(repo));

        (await session.SendAsync(new SessionCommand.RecordRemoteMerged("api", "elsewhere", "x"))).Succeeded.ShouldBeFalse();
        (await session.SendAsync(new SessionCommand.RecordRemoteMerged("web", "box", "x"))).Succeeded.ShouldBeFalse();
        (await session.SendAsync(new SessionCommand.RecordRemoteMerged("nope", "box", "x"))).Succeeded.ShouldBeFalse();

        session.Current.Tasks.ShouldAllBe(t => t.Phase != TaskPhase.Merged);
        File.Exists(Path.Combine(repo.CommonDir, "fleet", "state.json")).ShouldBeFalse("nothing was written");
    }

    [Fact]
    public void Local_tasks_that_wait_on_a_remote_task_directly_or_through_others_go_after_the_remote_pass()
    {
        SessionSnapshot Snapshot(params (string Name, string? Host, TaskPhase Phase, string[] DependsOn)[] tasks) => new()
        {
            Version = 1, RepoRoot = "/r", BaseBranch = "main", Config = new FleetConfig { Fleet = new FleetSettings(), SourcePath = "/r/fleet.toml" },
            Tasks = [.. tasks.Select(t => new TaskSnapshot
            {
                Name = t.Name, Branch = "fleet/" + t.Name, BaseBranch = "main", Phase = t.Phase, WorktreePath = "/w/" + t.Name, Host = t.Host, DependsOn = t.DependsOn,
            })],
        };
        var snapshot = Snapshot(
            ("core", null, TaskPhase.Done, []),
            ("api", "box", TaskPhase.Pending, ["core"]),
            ("web", null, TaskPhase.Done, ["api"]),
            ("docs", null, TaskPhase.Done, ["web", "core"]),
            ("old", "box", TaskPhase.Merged, []),
            ("cli", null, TaskPhase.Done, ["old", "core"]));

        RemoteMergeRounds.WaitingOnRemote(snapshot, ["core", "web", "docs", "cli"]).ShouldBe(["web", "docs"], ignoreOrder: true);
    }
}
