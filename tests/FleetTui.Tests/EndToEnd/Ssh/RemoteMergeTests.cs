using System.Diagnostics;
using FleetTui.Cli;
using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using FleetTui.Host.Client;
using FleetTui.Host.Merging;
using FleetTui.Host.Protocol;
using FleetTui.Host.Remote;
using FleetTui.Host.Server;
using FleetTui.Tests.Cli;
using FleetTui.Tests.Demo;
using FleetTui.Tests.Host;
using FleetTui.Ui.Cockpit;
using FleetTui.Ui.Cockpit.Hosts;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.EndToEnd.Ssh;

/// <summary>
/// Remote work through the local merge queue (a second local user behind a loopback sshd plays the remote host): a remote
/// task is fetched over ssh and merged into the local base by the same run as the local tasks, in dependency order, gated
/// where <c>gate_on</c> says; its host then learns it (merged and cleaned up, or in review); a dependent declared on the
/// remote host starts there from the integrated base once its dependencies merged; the cockpit's merge panel does the same
/// through this machine's fleet host.
/// </summary>
[Collection(CockpitEndToEndCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public partial class RemoteMergeTests
{
    private const string Tasks = "\n[[task]]\nname = \"core\"\n\n[[task]]\nname = \"api\"\nhost = \"box\"\ndepends_on = [\"core\"]\n";

    [Fact]
    public async Task A_remote_tasks_branch_merges_after_the_local_task_it_depends_on_and_its_host_records_it_merged_and_cleans_it_up()
    {
        using var local = await FleetRepoAsync();
        await using var remote = await RemoteMachine.StartAsync(local);
        await AddToFleetTomlAsync(local, remote.HostToml() + Tasks); // the base's checkout stays clean, so the base can move
        var localHosts = Path.Combine(local.RootDir, "hosts");
        var environment = remote.LocalEnvironment(localHosts);
        try
        {
            VerbRunner.RunWith(local, environment, "new", "core").ExitCode.ShouldBe(0);
            var made = VerbRunner.RunWith(local, environment, "new", "api");
            made.ExitCode.ShouldBe(0, made.Error);
            await local.CommitFileAsync("core.txt", "core\n", "core work", Path.Combine(local.RootDir, "repo.worktrees", "core"));
            var remoteWorktree = Path.Combine(remote.Folder, "clone.worktrees", "api");
            await CommitOnRemoteAsync(remote, remoteWorktree, "api.txt", "remote api\n");
            await MarkDoneOnRemoteAsync(local, environment, "api");
            var remoteBase = await RemoteGitAsync(remote, "-C", remote.ClonePath, "rev-parse", "main");

            var merge = VerbRunner.RunWith(local, environment, "merge", "--all", "--yes");

            merge.ExitCode.ShouldBe(0, merge.Out + merge.Error);
            merge.Out.ShouldContain("  core: merged as ", customMessage: merge.Out);
            merge.Out.ShouldContain("  api@box: merged as ", customMessage: merge.Out);
            merge.Out.IndexOf("core: merged", StringComparison.Ordinal).ShouldBeLessThan(merge.Out.IndexOf("api@box: merged", StringComparison.Ordinal));
            merge.Out.ShouldContain("Merged core, api@box.", customMessage: merge.Out);
            var history = (await local.RunGitAsync("log", "--first-parent", "--format=%s", "-3", "main")).Trim().Split('\n');
            history[0].ShouldBe("Merge fleet task 'api@box' (fleet/api)");
            history[1].ShouldBe("Merge fleet task 'core' (fleet/core)");
            File.ReadAllText(Path.Combine(local.Path, "api.txt")).ShouldBe("remote api\n", "the base's checkout moved with it");
            File.Exists(Path.Combine(local.Path, "core.txt")).ShouldBeTrue();
            Directory.Exists(Path.Combine(local.RootDir, "repo.worktrees", "api")).ShouldBeFalse("a task declared on a host is never made here");
            (await RemoteGitAsync(remote, "-C", remote.ClonePath, "rev-parse", "main")).ShouldBe(remoteBase, "the clone's own main is not moved");

            // Its host learned it: merged there (its sidebar and ps say so), and cleaned up as a local merged task is.
            merge.Out.ShouldContain("  api@box: removed its worktree and branch on host 'box'", customMessage: merge.Out);
            var there = await RemoteSnapshotAsync(local, environment);
            there.FindTask("api")!.Phase.ShouldBe(TaskPhase.Merged);
            Directory.Exists(remoteWorktree).ShouldBeFalse("its worktree there is removed: everything in it merged here");
            (await RemoteGitAsync(remote, "-C", remote.ClonePath, "branch", "--list", "fleet/api")).ShouldBeEmpty("its branch there is deleted");
            var ps = VerbRunner.RunWith(local, environment, "ps");
            ps.Out.Split('\n').Single(l => l.StartsWith("api ", StringComparison.Ordinal)).ShouldContain("merged", customMessage: ps.Out);

            // Again: nothing left to merge, and nothing merged twice.
            var again = VerbRunner.RunWith(local, environment, "merge", "--all", "--yes");
            again.ExitCode.ShouldBe(0, again.Out + again.Error);
            (await local.RunGitAsync("log", "--first-parent", "--format=%s", "-1", "main")).Trim().ShouldBe("Merge fleet task 'api@box' (fleet/api)");
        }
        finally
        {
            FleetHosts.StopAll(localHosts);
        }
    }

    [Fact]
    public async Task A_dependent_declared_on_another_host_starts_there_from_the_integrated_base_once_its_dependency_merges()
    {
        using var local = await FleetRepoAsync();
        await using var remote = await RemoteMachine.StartAsync(local);
        await AddToFleetTomlAsync(local, remote.HostToml() + Tasks);
        var localHosts = Path.Combine(local.RootDir, "hosts");
        var environment = remote.LocalEnvironment(localHosts);
        try
        {
            VerbRunner.RunWith(local, environment, "new", "core").ExitCode.ShouldBe(0);
            await local.CommitFileAsync("core.txt", "core\n", "core work", Path.Combine(local.RootDir, "repo.worktrees", "core"));

            var merged = VerbRunner.RunWith(local, environment, "merge", "--all", "--yes");

            merged.ExitCode.ShouldBe(0, merged.Out + merged.Error);
            var integrated = (await local.RunGitAsync("rev-parse", "main")).Trim();
            merged.Out.ShouldContain("  api: started from the integrated base", customMessage: merged.Out);
            var worktree = Path.Combine(remote.Folder, "clone.worktrees", "api");
            File.ReadAllText(Path.Combine(worktree, "core.txt")).ShouldBe("core\n", "the remote task starts with the merged local work");
            (await RemoteGitAsync(remote, "-C", worktree, "rev-parse", "HEAD")).ShouldBe(integrated);
            (await RemoteGitAsync(remote, "-C", remote.ClonePath, "rev-parse", "fleet/integrated/main")).ShouldBe(integrated);
            (await RemoteGitAsync(remote, "-C", remote.ClonePath, "rev-parse", "main")).ShouldNotBe(integrated, "the clone's own main is not moved");
            Directory.Exists(Path.Combine(local.RootDir, "repo.worktrees", "api")).ShouldBeFalse("it is made on its host, never here");
            var there = await RemoteSnapshotAsync(local, environment);
            there.FindTask("api")!.Agent.IsRunning.ShouldBeTrue("its agent runs there");
        }
        finally
        {
            FleetHosts.StopAll(localHosts);
        }
    }

    [Fact]
    public async Task Gate_on_says_where_a_remote_tasks_gate_runs_and_a_task_at_host_merges_by_name()
    {
        // The gate passes only where the task lives (its worktree under the remote clone): run here, on the merged result, it fails.
        const string gate = "case \"$PWD\" in */clone.worktrees/*) exit 0 ;; *) echo \"gated in $PWD\"; exit 1 ;; esac";
        using var local = await FleetRepoAsync($"gate = '{gate}'\n");
        await using var remote = await RemoteMachine.StartAsync(local);
        // Two names for the one clone: "box" gates on the host (the default), "near" here.
        var near = remote.HostToml("near").Replace("fleet = ", "gate_on = \"local\"\nfleet = ", StringComparison.Ordinal);
        await AddToFleetTomlAsync(local, remote.HostToml() + near);
        var localHosts = Path.Combine(local.RootDir, "hosts");
        var environment = remote.LocalEnvironment(localHosts);
        try
        {
            var made = VerbRunner.RunWith(local, environment, "new", "api", "--host", "box");
            made.ExitCode.ShouldBe(0, made.Error);
            await CommitOnRemoteAsync(remote, Path.Combine(remote.Folder, "clone.worktrees", "api"), "api.txt", "remote api\n");
            await MarkDoneOnRemoteAsync(local, environment, "api");
            var before = (await local.RunGitAsync("rev-parse", "main")).Trim();

            var gatedHere = VerbRunner.RunWith(local, environment, "merge", "api@near", "--yes");

            gatedHere.ExitCode.ShouldNotBe(0, gatedHere.Out + gatedHere.Error);
            gatedHere.Out.ShouldContain("  api@near: running its gate here on the merged result", customMessage: gatedHere.Out);
            gatedHere.Out.ShouldContain("  api@near: gate failed on the merged result", customMessage: gatedHere.Out);
            (await local.RunGitAsync("rev-parse", "main")).Trim().ShouldBe(before, "the base did not move");

            var gatedThere = VerbRunner.RunWith(local, environment, "merge", "api@box", "--yes");

            gatedThere.ExitCode.ShouldBe(0, gatedThere.Out + gatedThere.Error);
            gatedThere.Out.ShouldContain("  api@box: running its gate on host 'box'", customMessage: gatedThere.Out);
            gatedThere.Out.ShouldContain("  api@box: gate passed on host 'box'", customMessage: gatedThere.Out);
            gatedThere.Out.ShouldContain("  api@box: merged as ", customMessage: gatedThere.Out);
            File.ReadAllText(Path.Combine(local.Path, "api.txt")).ShouldBe("remote api\n");
            (await RemoteSnapshotAsync(local, environment)).FindTask("api")!.Phase.ShouldBe(TaskPhase.Merged);

            var unknown = VerbRunner.RunWith(local, environment, "merge", "api@nowhere", "--yes");
            unknown.ExitCode.ShouldBe(ExitCodes.Usage);
            unknown.Error.ShouldContain("no task named 'api@nowhere' (a remote host's task is named task@host: box, near)");
        }
        finally
        {
            FleetHosts.StopAll(localHosts);
        }
    }

    [Fact]
    public async Task The_cockpits_merge_panel_merges_a_remote_task_through_the_local_host_and_a_conflict_goes_to_review_on_its_host()
    {
        using var local = await FleetRepoAsync();
        await local.CommitFileAsync("shared.txt", "base\n", "shared file");
        await using var remote = await RemoteMachine.StartAsync(local);
        await AddToFleetTomlAsync(local, remote.HostToml());
        var localHosts = Path.Combine(local.RootDir, "hosts");
        var environment = remote.LocalEnvironment(localHosts);
        try
        {
            VerbRunner.RunWith(local, environment, "new", "api", "--host", "box").ExitCode.ShouldBe(0);
            await CommitOnRemoteAsync(remote, Path.Combine(remote.Folder, "clone.worktrees", "api"), "shared.txt", "remote\n");
            await MarkDoneOnRemoteAsync(local, environment, "api");
            await local.CommitFileAsync("shared.txt", "local\n", "local change to the same line");
            var before = (await local.RunGitAsync("rev-parse", "main")).Trim();
            using var localSession = new HostCockpitSession(await StartLocalHostAsync(local, environment, localHosts), readOnly: false);
            using var cockpit = RemoteCockpit.Open(localSession, ConfigLoader.Load(Path.Combine(local.Path, "fleet.toml")), local.Path,
                new ClientMessage.Hello(ProtocolVersion.Current, ClientKind.Cockpit), name => environment.GetValueOrDefault(name))!;
            await Eventually.HoldsAsync(() => Task.FromResult(cockpit.Snapshot.FindTask("api")?.Phase), phase => phase == TaskPhase.Done, "the remote task in the cockpit");

            // What the merge panel's "merge selected" does: the task as the panel names it.
            await cockpit.Merges.MergeAsync(["api"]);

            var review = await Eventually.HoldsAsync(() => Task.FromResult(cockpit.Merges.Activity.For("api")),
                activity => activity is { InProgress: false }, "the merge of api to finish");
            review!.Kind.ShouldBe(TaskMergeActivityKind.Review, review.Text);
            review.Text.ShouldContain("shared.txt");
            var inReview = await Eventually.HoldsAsync(() => Task.FromResult(cockpit.Snapshot.FindTask("api")),
                task => task?.Phase == TaskPhase.Review, "api in review on its host");
            inReview!.Note.ShouldNotBeNull().ShouldContain("conflicts in shared.txt");
            (await local.RunGitAsync("rev-parse", "main")).Trim().ShouldBe(before, "a conflict changes nothing here");

            // Retry (r in the panel) acts on its host.
            (await cockpit.Merges.RetryAsync("api")).Succeeded.ShouldBeTrue();
            await Eventually.HoldsAsync(() => Task.FromResult(cockpit.Snapshot.FindTask("api")?.Phase), phase => phase == TaskPhase.Done, "api out of review on its host");
        }
        finally
        {
            FleetHosts.StopAll(localHosts);
        }
    }

    private static async Task<TempRepo> FleetRepoAsync(string fleetSettings = "")
    {
        var local = await TempRepo.CreateAsync();
        local.WriteFile("fleet.toml", "[fleet]\nagent = [\"sh\"]\n" + fleetSettings);
        await local.CommitAllAsync("fleet.toml");
        return local;
    }

    private static async Task AddToFleetTomlAsync(TempRepo local, string toml)
    {
        await File.AppendAllTextAsync(Path.Combine(local.Path, "fleet.toml"), toml);
        await local.CommitAllAsync("hosts and tasks");
    }

    /// <summary>This machine's fleet host, as a cockpit starts it (with the test's ssh config), and a cockpit's client of it.</summary>
    private static async Task<HostClient> StartLocalHostAsync(TempRepo local, IReadOnlyDictionary<string, string?> environment, string localHosts)
    {
        var start = new ProcessStartInfo(FleetExecutable.Argv()[0]) { WorkingDirectory = local.Path, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in FleetExecutable.Argv().Skip(1).Concat(["host", "serve", "--repo", local.Path]))
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in local.Git.Options.Environment.Concat(environment))
            start.Environment[name] = value;
        start.Environment["SHELL"] = "/bin/sh";
        start.Environment.Remove("DisableRealDriverIO");
        using var process = Process.Start(start)!; // stopped by FleetHosts.StopAll(localHosts)
        var socket = HostPaths.For(local.CommonDir, localHosts).Socket;
        var stream = await Eventually.HoldsAsync(() => HostConnector.TryConnectAsync(socket), s => s is not null, "the local fleet host's socket", TimeSpan.FromSeconds(60));
        return await HostClient.ConnectAsync(stream!, new ClientMessage.Hello(ProtocolVersion.Current, ClientKind.Cockpit));
    }

    private static async Task<string> RemoteGitAsync(RemoteMachine remote, params string[] arguments)
    {
        var run = await SshProcess.RunAsync(["ssh", "-F", remote.SshConfig, "-T", RemoteMachine.Alias,
            .. new[] { "git" }.Concat(arguments).Select(RemoteShellWord.Quote)], CancellationToken.None);
        run.Exit.ShouldBe(0, run.Error);
        return run.Output.Trim();
    }

    /// <summary>The remote agent's work, committed on that host as that user (over ssh).</summary>
    private static async Task CommitOnRemoteAsync(RemoteMachine remote, string worktree, string file, string text)
    {
        var commit = await SshProcess.RunAsync(["ssh", "-F", remote.SshConfig, "-T", RemoteMachine.Alias, .. new[]
        {
            "sh", "-c", "cd \"$0\" && printf '%s' \"$2\" > \"$1\" && git add \"$1\" && git -c user.name=R -c user.email=r@example.invalid commit -qm remote-work",
            worktree, file, text,
        }.Select(RemoteShellWord.Quote)], CancellationToken.None);
        commit.Exit.ShouldBe(0, commit.Error);
    }

    private static async Task<RemoteFleet> ConnectAsync(TempRepo local, IReadOnlyDictionary<string, string?> environment)
    {
        var connector = new RemoteHostConnector(SshSettings.FromEnvironment(n => environment.GetValueOrDefault(n)), local.Git);
        var host = RemoteHostConnector.Find(ConfigLoader.Load(Path.Combine(local.Path, "fleet.toml")), "box");
        return new RemoteFleet(await connector.ConnectAsync(host, local.Path, ClientKind.Cli, CancellationToken.None));
    }

    private static async Task<SessionSnapshot> RemoteSnapshotAsync(TempRepo local, IReadOnlyDictionary<string, string?> environment)
    {
        await using var fleet = await ConnectAsync(local, environment);
        return await fleet.SnapshotAsync(CancellationToken.None);
    }

    /// <summary>The remote task marked done on its host (as <c>Ctrl+G D</c> in a cockpit there would).</summary>
    private static async Task MarkDoneOnRemoteAsync(TempRepo local, IReadOnlyDictionary<string, string?> environment, string task)
    {
        var connector = new RemoteHostConnector(SshSettings.FromEnvironment(n => environment.GetValueOrDefault(n)), local.Git);
        var host = RemoteHostConnector.Find(ConfigLoader.Load(Path.Combine(local.Path, "fleet.toml")), "box");
        await using var connection = await connector.ConnectAsync(host, local.Path, ClientKind.Cli, CancellationToken.None);
        var reply = await connection.Client.RequestAsync(new HostRequest.MarkDone(task));
        reply.Ok.ShouldBeTrue(reply.Message);
    }
}
