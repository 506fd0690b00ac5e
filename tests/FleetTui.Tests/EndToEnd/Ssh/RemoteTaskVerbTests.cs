using System.Text.Json;
using FleetTui.Core.Tests.Support;
using FleetTui.Host.Agents;
using FleetTui.Tests.Cli;
using FleetTui.Tests.Demo;
using FleetTui.Tests.Host;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.EndToEnd.Ssh;

/// <summary>
/// The verbs with a remote host (a second local user behind a loopback sshd): <c>fleet new --host</c> makes the task
/// in the remote clone and starts its agent there, <c>fleet ps</c> lists it with its host, <c>fleet host status --all</c>
/// shows each host's state; mistakes leave nothing behind on either side.
/// </summary>
[Collection(CockpitEndToEndCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class RemoteTaskVerbTests
{
    [Fact]
    public async Task A_task_made_with_host_lives_in_the_remote_clone_and_ps_and_host_status_show_it_there()
    {
        using var local = await FleetRepoAsync();
        await using var remote = await RemoteMachine.StartAsync(local);
        await File.AppendAllTextAsync(Path.Combine(local.Path, "fleet.toml"), remote.HostToml() + remote.HostToml("dead", alias: RemoteMachine.DeadAlias));
        var environment = remote.LocalEnvironment(Path.Combine(local.RootDir, "hosts"));

        var created = VerbRunner.RunWith(local, environment, "new", "api", "--host", "box");

        created.ExitCode.ShouldBe(0, created.Error);
        var remoteWorktree = Path.Combine(remote.Folder, "clone.worktrees", "api");
        Directory.Exists(remoteWorktree).ShouldBeTrue("the worktree is made under the remote clone");
        Directory.Exists(Path.Combine(local.RootDir, "repo.worktrees", "api")).ShouldBeFalse("nothing made locally");
        File.Exists(Path.Combine(local.CommonDir, "fleet", "state.json")).ShouldBeFalse("the local session is not even opened");
        var agents = await Eventually.HoldsAsync(() => Task.FromResult(AgentRecords.Load(Path.Combine(remote.ClonePath, ".git", "fleet")).All.ToList()),
            records => records.Count == 1, "the remote agent recorded");
        FleetHosts.IsAlive(agents[0].Pid).ShouldBeTrue("the agent runs on the remote host after the verb's connection ended");

        var ps = VerbRunner.RunWith(local, environment, "ps");
        ps.ExitCode.ShouldBe(0, ps.Error);
        ps.Out.ShouldContain("TASK  HOST  BRANCH");
        ps.Out.Split('\n').ShouldContain(line => line.StartsWith("api   box   fleet/api  active", StringComparison.Ordinal), ps.Out);
        ps.Out.ShouldContain($"host dead: cannot reach host 'dead' over ssh ({RemoteMachine.DeadAlias}): ssh: connect to host 127.0.0.1 port ");

        using var json = JsonDocument.Parse(VerbRunner.RunWith(local, environment, "ps", "--json").Out);
        var task = json.RootElement.GetProperty("tasks").EnumerateArray().Single();
        task.GetProperty("host").GetString().ShouldBe("box");
        task.GetProperty("worktree").GetString().ShouldBe(remoteWorktree);
        json.RootElement.GetProperty("hosts").EnumerateArray().Select(h => $"{h.GetProperty("name").GetString()}={h.GetProperty("state").GetString()}")
            .ShouldBe(["box=connected", "dead=unreachable"]);

        var status = VerbRunner.RunWith(local, environment, "host", "status", "--all");
        status.Out.ShouldContain($"box ({RemoteMachine.Alias}:{remote.ClonePath}): connected, fleet host pid ");
        status.Out.ShouldContain("1 agent(s) running of 1, 1 task(s)");
        status.Out.ShouldContain($"dead ({RemoteMachine.DeadAlias}:{remote.ClonePath}): unreachable: cannot reach host 'dead'");
        status.ExitCode.ShouldBe(1, "a host did not answer");
        AgentRecords.Load(Path.Combine(remote.ClonePath, ".git", "fleet")).All.Single().Pid.ShouldBe(agents[0].Pid, "the same agent, never restarted");
    }

    [Fact]
    public async Task An_unknown_or_unreachable_host_is_refused_with_nothing_made_on_either_side()
    {
        using var local = await FleetRepoAsync();
        await using var remote = await RemoteMachine.StartAsync(local);
        await File.AppendAllTextAsync(Path.Combine(local.Path, "fleet.toml"), remote.HostToml() + remote.HostToml("dead", alias: RemoteMachine.DeadAlias)
            + remote.HostToml("bare", fleet: "/opt/nowhere/fleet"));
        var environment = remote.LocalEnvironment(Path.Combine(local.RootDir, "hosts"));

        var unknown = VerbRunner.RunWith(local, environment, "new", "api", "--host", "gpu");
        unknown.ExitCode.ShouldBe(2);
        unknown.Error.Trim().ShouldBe("fleet: unknown host 'gpu' (fleet.toml declares: bare, box, dead)");

        var unreachable = VerbRunner.RunWith(local, environment, "new", "api", "--host", "dead");
        unreachable.ExitCode.ShouldBe(1);
        unreachable.Error.ShouldStartWith($"fleet: cannot reach host 'dead' over ssh ({RemoteMachine.DeadAlias}): ssh: connect to host 127.0.0.1 port ");

        var noFleet = VerbRunner.RunWith(local, environment, "new", "api", "--host", "bare");
        noFleet.ExitCode.ShouldBe(1);
        noFleet.Error.ShouldStartWith($"fleet: host 'bare' ({RemoteMachine.Alias}) has no fleet at '/opt/nowhere/fleet' (");

        Directory.Exists(Path.Combine(local.CommonDir, "fleet")).ShouldBeFalse("nothing written locally");
        Directory.Exists(Path.Combine(remote.ClonePath, ".git", "fleet")).ShouldBeFalse("nothing written remotely");
        Directory.Exists(Path.Combine(remote.Folder, "clone.worktrees")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_task_fleet_toml_declares_on_a_host_is_made_there_as_declared_whether_or_not_the_clone_declares_it_too()
    {
        // Committed (so the clone declares it too): api on box. The host table's real values are this machine's only.
        using var local = await TempRepo.CreateAsync();
        local.WriteFile("fleet.toml", "[fleet]\nagent = [\"sh\"]\n\n[hosts.box]\nssh = \"placeholder\"\npath = \"/placeholder\"\n\n[[task]]\nname = \"api\"\nhost = \"box\"\n");
        await local.CommitAllAsync("fleet.toml");
        await using var remote = await RemoteMachine.StartAsync(local);
        var toml = Path.Combine(local.Path, "fleet.toml");
        await File.WriteAllTextAsync(toml, (await File.ReadAllTextAsync(toml))
            .Replace("ssh = \"placeholder\"", $"ssh = \"{RemoteMachine.Alias}\"\nfleet = \"{remote.Fleet}\"", StringComparison.Ordinal)
            .Replace("/placeholder", remote.ClonePath, StringComparison.Ordinal)
            // Declared here only (not committed): web, on its own branch.
            + "\n[[task]]\nname = \"web\"\nhost = \"box\"\nbranch = \"feature/web\"\ndepends_on = [\"api\"]\n");
        var environment = remote.LocalEnvironment(Path.Combine(local.RootDir, "hosts"));

        var api = VerbRunner.RunWith(local, environment, "new", "api");
        var web = VerbRunner.RunWith(local, environment, "new", "web");

        api.ExitCode.ShouldBe(0, api.Error);
        web.ExitCode.ShouldBe(0, web.Error);
        (await local.Git.RunAsync(Path.Combine(remote.Folder, "clone.worktrees", "api"), ["-c", "safe.directory=*", "branch", "--show-current"])).Trim().ShouldBe("fleet/api");
        (await local.Git.RunAsync(Path.Combine(remote.Folder, "clone.worktrees", "web"), ["-c", "safe.directory=*", "branch", "--show-current"])).Trim().ShouldBe("feature/web");
        Directory.Exists(Path.Combine(local.RootDir, "repo.worktrees")).ShouldBeFalse("nothing made locally");
        var ps = VerbRunner.RunWith(local, environment, "ps");
        ps.Out.Split('\n').Count(line => line.StartsWith("api ", StringComparison.Ordinal)).ShouldBe(1, ps.Out);
        ps.Out.Split('\n').ShouldContain(line => line.StartsWith("web   box   feature/web  active", StringComparison.Ordinal), ps.Out);
    }

    [Fact]
    public async Task A_killed_ssh_connection_leaves_the_remote_agent_running_and_a_new_connection_finds_it_unchanged()
    {
        using var local = await FleetRepoAsync();
        await using var remote = await RemoteMachine.StartAsync(local);
        await File.AppendAllTextAsync(Path.Combine(local.Path, "fleet.toml"), remote.HostToml());
        var environment = remote.LocalEnvironment(Path.Combine(local.RootDir, "hosts"));
        VerbRunner.RunWith(local, environment, "new", "api", "--host", "box").ExitCode.ShouldBe(0);
        var connector = new FleetTui.Host.Remote.RemoteHostConnector(FleetTui.Host.Remote.SshSettings.FromEnvironment(n => environment.GetValueOrDefault(n)), local.Git);
        var host = FleetTui.Host.Remote.RemoteHostConnector.Find(FleetTui.Core.Config.ConfigLoader.Load(Path.Combine(local.Path, "fleet.toml")), "box");

        var first = await connector.ConnectAsync(host, local.Path, FleetTui.Host.Protocol.ClientKind.Cli, CancellationToken.None);
        var before = await StatusAsync(first.Client);
        // The network goes: our ssh dies without a word (its shared master too: every ssh of this machine to it is gone).
        System.Diagnostics.Process.GetProcessById(first.SshPid).Kill();
        await first.Client.Closed.WaitAsync(TimeSpan.FromSeconds(20)); // the client sees the end of its stream
        await first.DisposeAsync();

        await using var second = await connector.ConnectAsync(host, local.Path, FleetTui.Host.Protocol.ClientKind.Cli, CancellationToken.None);
        var after = await StatusAsync(second.Client);
        after.Pid.ShouldBe(before.Pid, "the same remote fleet host");
        after.Agents.Single().Pid.ShouldBe(before.Agents.Single().Pid, "the same agent, never restarted");
        after.Agents.Single().Running.ShouldBeTrue();
    }

    [Fact]
    public async Task The_merge_plan_fetches_a_remote_tasks_branch_over_ssh_and_predicts_its_conflicts_here_moving_no_local_branch()
    {
        using var local = await FleetRepoAsync();
        await using var remote = await RemoteMachine.StartAsync(local);
        await File.AppendAllTextAsync(Path.Combine(local.Path, "fleet.toml"), remote.HostToml());
        var environment = remote.LocalEnvironment(Path.Combine(local.RootDir, "hosts"));
        VerbRunner.RunWith(local, environment, "new", "api", "--host", "box").ExitCode.ShouldBe(0);
        // The remote agent's work, committed on that host (as that user, over ssh); and a change to the same line here.
        var worktree = Path.Combine(remote.Folder, "clone.worktrees", "api");
        var commit = await FleetTui.Host.Remote.SshProcess.RunAsync(["ssh", "-F", remote.SshConfig, "-T", RemoteMachine.Alias, .. new[]
        {
            "sh", "-c", "cd \"$0\" && printf 'remote change\\n' > README.md && git -c user.name=R -c user.email=r@example.invalid commit -qam remote-work", worktree,
        }.Select(FleetTui.Host.Remote.RemoteShellWord.Quote)], CancellationToken.None);
        commit.Exit.ShouldBe(0, commit.Error);
        local.WriteFile("README.md", "local change\n");
        await local.CommitAllAsync("local work");

        var plan = VerbRunner.RunWith(local, environment, "merge", "--dry-run");

        plan.ExitCode.ShouldBe(0, plan.Error);
        plan.Out.ShouldContain("Remote tasks (fetched over ssh; fleet merge --all merges the ready ones");
        plan.Out.ShouldContain("  api@box: fleet/api at ");
        plan.Out.ShouldContain("(refs/remotes/fleet-box/fleet/api), +1 commit(s); conflicts with the base in README.md");
        (await local.Git.RunAsync(local.Path, ["for-each-ref", "--format=%(refname)", "refs/heads"])).Trim().ShouldBe("refs/heads/main", "no local branch made or moved");
    }

    private static async Task<FleetTui.Host.Protocol.HostStatus> StatusAsync(FleetTui.Host.Client.HostClient client) =>
        (await client.RequestAsync(new FleetTui.Host.Protocol.HostRequest.Status())).Data.ShouldBeOfType<FleetTui.Host.Protocol.ReplyData.HostState>().Status;

    /// <summary>A repository whose committed fleet.toml runs a plain shell as every task's agent (the clone gets it too).</summary>
    private static async Task<TempRepo> FleetRepoAsync()
    {
        var local = await TempRepo.CreateAsync();
        local.WriteFile("fleet.toml", "[fleet]\nagent = [\"sh\"]\n");
        await local.CommitAllAsync("fleet.toml");
        return local;
    }
}
