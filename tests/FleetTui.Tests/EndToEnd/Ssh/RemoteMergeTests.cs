using FleetTui.Core.Config;
using FleetTui.Core.Tests.Support;
using FleetTui.Host.Protocol;
using FleetTui.Remote;
using FleetTui.Tests.Cli;
using FleetTui.Tests.Host;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.EndToEnd.Ssh;

/// <summary>
/// Remote work through the local merge queue: a task on a remote host (a second local user behind a loopback sshd) that
/// depends on a local task is fetched over ssh and merged into the local base by <c>fleet merge --all</c>, after the
/// local task, with the same in-memory merge; nothing changes on the remote host.
/// </summary>
[Collection(CockpitEndToEndCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class RemoteMergeTests
{
    [Fact]
    public async Task A_remote_tasks_branch_merges_into_the_local_base_after_the_local_task_it_depends_on()
    {
        using var local = await TempRepo.CreateAsync();
        local.WriteFile("fleet.toml", "[fleet]\nagent = [\"sh\"]\n");
        await local.CommitAllAsync("fleet.toml");
        await using var remote = await RemoteMachine.StartAsync(local);
        await File.AppendAllTextAsync(Path.Combine(local.Path, "fleet.toml"),
            remote.HostToml() + "\n[[task]]\nname = \"core\"\n\n[[task]]\nname = \"api\"\nhost = \"box\"\ndepends_on = [\"core\"]\n");
        await local.CommitAllAsync("hosts and tasks"); // the base's checkout stays clean, so the base can move
        var localHosts = Path.Combine(local.RootDir, "hosts");
        var environment = remote.LocalEnvironment(localHosts);
        try
        {
            VerbRunner.RunWith(local, environment, "new", "core").ExitCode.ShouldBe(0);
            var made = VerbRunner.RunWith(local, environment, "new", "api");
            made.ExitCode.ShouldBe(0, made.Error);
            await local.CommitFileAsync("core.txt", "core\n", "core work", Path.Combine(local.RootDir, "repo.worktrees", "core"));
            await CommitOnRemoteAsync(remote, Path.Combine(remote.Folder, "clone.worktrees", "api"));
            await MarkDoneOnRemoteAsync(local, remote, environment, "api");
            var remoteBase = await RemoteBaseAsync(remote);

            var merge = VerbRunner.RunWith(local, environment, "merge", "--all", "--yes");

            merge.ExitCode.ShouldBe(0, merge.Out + merge.Error);
            merge.Out.ShouldContain("Merged core.");
            merge.Out.ShouldContain("Remote tasks (fetched over ssh, merged here by the same queue):");
            merge.Out.ShouldContain("  api@box: merged as ");
            merge.Out.IndexOf("Merged core.", StringComparison.Ordinal).ShouldBeLessThan(merge.Out.IndexOf("api@box: merged", StringComparison.Ordinal));
            var history = (await local.RunGitAsync("log", "--first-parent", "--format=%s", "-3", "main")).Trim().Split('\n');
            history[0].ShouldBe("Merge fleet task 'api@box' (fleet/api)");
            history[1].ShouldBe("Merge fleet task 'core' (fleet/core)");
            File.ReadAllText(Path.Combine(local.Path, "api.txt")).ShouldBe("remote api\n", "the base's checkout moved with it");
            File.Exists(Path.Combine(local.Path, "core.txt")).ShouldBeTrue();
            (await RemoteBaseAsync(remote)).ShouldBe(remoteBase, "nothing changes on the remote host");

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
    public async Task A_task_on_another_host_that_depends_on_merged_local_work_starts_from_the_integrated_base()
    {
        using var local = await TempRepo.CreateAsync();
        local.WriteFile("fleet.toml", "[fleet]\nagent = [\"sh\"]\n");
        await local.CommitAllAsync("fleet.toml");
        await using var remote = await RemoteMachine.StartAsync(local);
        await File.AppendAllTextAsync(Path.Combine(local.Path, "fleet.toml"),
            remote.HostToml() + "\n[[task]]\nname = \"core\"\n\n[[task]]\nname = \"api\"\nhost = \"box\"\ndepends_on = [\"core\"]\n");
        await local.CommitAllAsync("hosts and tasks");
        var localHosts = Path.Combine(local.RootDir, "hosts");
        var environment = remote.LocalEnvironment(localHosts);
        try
        {
            VerbRunner.RunWith(local, environment, "new", "core").ExitCode.ShouldBe(0);
            await local.CommitFileAsync("core.txt", "core\n", "core work", Path.Combine(local.RootDir, "repo.worktrees", "core"));
            var merged = VerbRunner.RunWith(local, environment, "merge", "--all", "--yes");
            merged.ExitCode.ShouldBe(0, merged.Out + merged.Error);
            var integrated = (await local.RunGitAsync("rev-parse", "main")).Trim();

            var made = VerbRunner.RunWith(local, environment, "new", "api");

            made.ExitCode.ShouldBe(0, made.Out + made.Error);
            var worktree = Path.Combine(remote.Folder, "clone.worktrees", "api");
            File.ReadAllText(Path.Combine(worktree, "core.txt")).ShouldBe("core\n", "the remote task starts with the merged local work");
            (await RemoteGitAsync(remote, "-C", worktree, "rev-parse", "HEAD")).ShouldBe(integrated);
            (await RemoteGitAsync(remote, "-C", remote.ClonePath, "rev-parse", "fleet/integrated/main")).ShouldBe(integrated);
            (await RemoteBaseAsync(remote)).ShouldNotBe(integrated, "the clone's own main is not moved");
        }
        finally
        {
            FleetHosts.StopAll(localHosts);
        }
    }

    private static async Task<string> RemoteGitAsync(RemoteMachine remote, params string[] arguments)
    {
        var run = await SshProcess.RunAsync(["ssh", "-F", remote.SshConfig, "-T", RemoteMachine.Alias,
            .. new[] { "git" }.Concat(arguments).Select(RemoteShellWord.Quote)], CancellationToken.None);
        run.Exit.ShouldBe(0, run.Error);
        return run.Output.Trim();
    }

    /// <summary>The remote agent's work, committed on that host as that user (over ssh).</summary>
    private static async Task CommitOnRemoteAsync(RemoteMachine remote, string worktree)
    {
        var commit = await SshProcess.RunAsync(["ssh", "-F", remote.SshConfig, "-T", RemoteMachine.Alias, .. new[]
        {
            "sh", "-c", "cd \"$0\" && printf 'remote api\\n' > api.txt && git add api.txt && git -c user.name=R -c user.email=r@example.invalid commit -qm api-work", worktree,
        }.Select(RemoteShellWord.Quote)], CancellationToken.None);
        commit.Exit.ShouldBe(0, commit.Error);
    }

    private static async Task<string> RemoteBaseAsync(RemoteMachine remote)
    {
        var head = await SshProcess.RunAsync(["ssh", "-F", remote.SshConfig, "-T", RemoteMachine.Alias,
            .. new[] { "git", "-C", remote.ClonePath, "rev-parse", "main" }.Select(RemoteShellWord.Quote)], CancellationToken.None);
        head.Exit.ShouldBe(0, head.Error);
        return head.Output.Trim();
    }

    /// <summary>The remote task marked done on its host (as <c>Ctrl+G D</c> in a cockpit there would).</summary>
    private static async Task MarkDoneOnRemoteAsync(TempRepo local, RemoteMachine remote, IReadOnlyDictionary<string, string?> environment, string task)
    {
        var connector = new RemoteHostConnector(SshSettings.FromEnvironment(n => environment.GetValueOrDefault(n)), local.Git);
        var host = RemoteHostConnector.Find(ConfigLoader.Load(Path.Combine(local.Path, "fleet.toml")), "box");
        await using var connection = await connector.ConnectAsync(host, local.Path, ClientKind.Cli, CancellationToken.None);
        var reply = await connection.Client.RequestAsync(new HostRequest.MarkDone(task));
        reply.Ok.ShouldBeTrue(reply.Message);
    }
}
