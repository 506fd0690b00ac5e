using FleetTui.Core.Session;
using FleetTui.Demo;
using FleetTui.Host.Protocol;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Server;

/// <summary>
/// A CLI verb run beside an open cockpit goes through the fleet host, the one writer: the cockpit sees what the verb did,
/// and nothing rewrites state.json from a stale copy (a merge by `fleet merge` was once turned into "missing").
/// </summary>
[Collection(FleetHostCollection.Name)]
public class CliThroughHostTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Fleet_merge_beside_an_attached_cockpit_merges_through_the_host_and_the_cockpit_shows_it()
    {
        await using var host = await RunningHost.StartAsync("""
            [fleet]
            base = "main"
            agent = ["sh"]

            [[task]]
            name = "m1"
            """);
        await using var cockpit = await host.ConnectAsync();
        var pane = (await RunningHost.ShowAsync(cockpit, 100, 20, "m1"))[0];
        await RunningHost.ScreenAsync(pane, s => s.Contains('$'), "m1's shell");
        var worktree = cockpit.Snapshot.FindTask("m1")!.WorktreePath;
        await File.WriteAllTextAsync(Path.Combine(worktree, "feature.txt"), "done\n");
        await host.Git.GitAsync(worktree, "add", "feature.txt");
        await host.Git.GitAsync(worktree, "-c", "user.name=agent", "-c", "user.email=a@example.com", "commit", "--quiet", "-m", "the feature");
        (await cockpit.RequestAsync(new HostRequest.MarkDone("m1"))).Ok.ShouldBeTrue();

        var merge = await DemoCommand.RunAsync([.. FleetExecutable.Argv(), "merge", "m1", "--yes"], host.Repo, host.Environment);

        merge.Succeeded.ShouldBeTrue(merge.Output);
        merge.Output.ShouldContain("Merged m1");
        await Eventually.HoldsAsync(() => Task.FromResult(cockpit.Snapshot.FindTask("m1")?.Phase), phase => phase == TaskPhase.Merged, "the cockpit seeing m1 merged", Slow);
        (await cockpit.RequestAsync(new HostRequest.RefreshStatus())).Ok.ShouldBeTrue();
        var state = await File.ReadAllTextAsync(Path.Combine(host.Repo, ".git", "fleet", "state.json"));
        state.ShouldContain("\"phase\": \"merged\"");
        state.ShouldNotContain("missing");
        (await host.Git.GitAsync(host.Repo, "log", "--oneline", "main")).ShouldContain("the feature");
    }

    [Fact]
    public async Task Fleet_ps_beside_a_host_reads_through_it_and_fleet_rm_refuses_a_task_whose_agent_runs()
    {
        await using var host = await RunningHost.StartAsync("""
            [fleet]
            base = "main"
            agent = ["sh"]

            [[task]]
            name = "api"
            """);
        await using var cockpit = await host.ConnectAsync();
        await RunningHost.ScreenAsync((await RunningHost.ShowAsync(cockpit, 100, 20, "api"))[0], s => s.Contains('$'), "api's shell");

        var ps = await DemoCommand.RunAsync([.. FleetExecutable.Argv(), "ps"], host.Repo, host.Environment);
        ps.Succeeded.ShouldBeTrue(ps.Output);
        ps.Output.ShouldContain("api");
        ps.Output.ShouldContain("active");

        var explain = await DemoCommand.RunAsync([.. FleetExecutable.Argv(), "explain", "api"], host.Repo, host.Environment);
        explain.Succeeded.ShouldBeTrue(explain.Output);
        explain.Output.ShouldContain("since");

        var doctor = await DemoCommand.RunAsync([.. FleetExecutable.Argv(), "doctor"], host.Repo, host.Environment);
        doctor.Output.ShouldContain($"runs (pid {host.Pid}");

        var status = await DemoCommand.RunAsync([.. FleetExecutable.Argv(), "host", "status"], host.Repo, host.Environment);
        status.Succeeded.ShouldBeTrue(status.Output);
        status.Output.ShouldContain($"pid      {host.Pid}");
        status.Output.ShouldContain("1 running of 1");

        var rm = await DemoCommand.RunAsync([.. FleetExecutable.Argv(), "rm", "api"], host.Repo, host.Environment);
        rm.Succeeded.ShouldBeFalse();
        rm.Output.ShouldContain("its agent runs");
        cockpit.Snapshot.FindTask("api")!.Phase.ShouldBe(TaskPhase.Active);
    }
}
