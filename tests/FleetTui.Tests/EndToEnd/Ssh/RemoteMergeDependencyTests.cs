using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using FleetTui.Host.Remote;
using FleetTui.Tests.Cli;
using FleetTui.Tests.Demo;
using FleetTui.Tests.Host;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.EndToEnd.Ssh;

/// <summary>
/// Dependencies across machines, and the merge paths around them: a local task waiting on a remote one merges after it in the same
/// run; a remote dependent of a remote task starts from the integrated base there and merges after it; a run killed after the base
/// moved is finished by the next; <c>fleet merge task@host</c> through a running local fleet host, and naming a task in review retries it.
/// </summary>
public partial class RemoteMergeTests
{
    [Fact]
    public async Task A_local_task_waiting_on_a_remote_task_merges_after_it_in_the_same_run_and_dependents_start_from_the_integrated_base()
    {
        // web exists (with work) before it is told to wait on api; docs and ui are made only once api merged: docs here, ui on box.
        using var local = await FleetRepoAsync("\n[[task]]\nname = \"web\"\n");
        await using var remote = await RemoteMachine.StartAsync(local);
        var localHosts = Path.Combine(local.RootDir, "hosts");
        var environment = remote.LocalEnvironment(localHosts);
        try
        {
            VerbRunner.RunWith(local, environment, "new", "web").ExitCode.ShouldBe(0);
            await local.CommitFileAsync("web.txt", "web\n", "web work", Path.Combine(local.RootDir, "repo.worktrees", "web"));
            await File.WriteAllTextAsync(Path.Combine(local.Path, "fleet.toml"), "[fleet]\nagent = [\"sh\"]\n" + remote.HostToml() + """

                [[task]]
                name = "web"
                depends_on = ["api"]

                [[task]]
                name = "api"
                host = "box"

                [[task]]
                name = "docs"
                depends_on = ["api", "web"]

                [[task]]
                name = "ui"
                host = "box"
                depends_on = ["api"]

                """);
            await local.CommitAllAsync("web waits on api, which lives on box");
            var made = VerbRunner.RunWith(local, environment, "new", "api");
            made.ExitCode.ShouldBe(0, made.Error);
            await CommitOnRemoteAsync(remote, Path.Combine(remote.Folder, "clone.worktrees", "api"), "api.txt", "remote api\n");
            await MarkDoneOnRemoteAsync(local, environment, "api");

            var merge = VerbRunner.RunWith(local, environment, "merge", "--all", "--yes");

            merge.ExitCode.ShouldBe(0, merge.Out + merge.Error);
            merge.Out.ShouldContain("waiting on api@box", customMessage: merge.Out);
            var apiMerged = merge.Out.IndexOf("  api@box: merged as ", StringComparison.Ordinal);
            var webMerged = merge.Out.IndexOf("  web: merged as ", StringComparison.Ordinal);
            apiMerged.ShouldBeGreaterThan(0, merge.Out);
            webMerged.ShouldBeGreaterThan(apiMerged, merge.Out);
            merge.Out.ShouldNotContain("web: skipped", customMessage: merge.Out);
            merge.Out.ShouldContain("  docs: started from the integrated base", customMessage: merge.Out);
            merge.Out.ShouldContain("  ui@box: ", customMessage: merge.Out);
            var history = (await local.RunGitAsync("log", "--first-parent", "--format=%s", "-2", "main")).Trim().Split('\n');
            history.ShouldBe(["Merge fleet task 'web' (fleet/web)", "Merge fleet task 'api@box' (fleet/api)"]);
            var integrated = (await local.RunGitAsync("rev-parse", "main")).Trim();
            var docs = Path.Combine(local.RootDir, "repo.worktrees", "docs");
            File.ReadAllText(Path.Combine(docs, "api.txt")).ShouldBe("remote api\n", "docs starts with both merged");
            File.ReadAllText(Path.Combine(docs, "web.txt")).ShouldBe("web\n");
            (await local.RunGitAsync("-C", docs, "rev-parse", "HEAD")).Trim().ShouldBe(integrated);

            // This machine records api merged (state.json, through the session): ps says so, and the next run knows it.
            var recorded = new SessionStore(Path.Combine(local.CommonDir, "fleet")).Load().Find("api").ShouldNotBeNull();
            recorded.Phase.ShouldBe(TaskPhase.Merged);
            recorded.Host.ShouldBe("box");
            var ps = VerbRunner.RunWith(local, environment, "ps");
            ps.Out.Split('\n').Single(l => l.StartsWith("api ", StringComparison.Ordinal)).ShouldContain("merged", customMessage: ps.Out);

            // ui, a remote dependent of a remote task, started on box from the integrated base (api's work in it)...
            var ui = Path.Combine(remote.Folder, "clone.worktrees", "ui");
            File.ReadAllText(Path.Combine(ui, "api.txt")).ShouldBe("remote api\n");
            await CommitOnRemoteAsync(remote, ui, "ui.txt", "remote ui\n");
            await MarkDoneOnRemoteAsync(local, environment, "ui");

            // ...and merges after it: the base then holds all three.
            var again = VerbRunner.RunWith(local, environment, "merge", "--all", "--yes");

            again.ExitCode.ShouldBe(0, again.Out + again.Error);
            again.Out.ShouldContain("  ui@box: merged as ", customMessage: again.Out);
            (await local.RunGitAsync("log", "--first-parent", "--format=%s", "-1", "main")).Trim().ShouldBe("Merge fleet task 'ui@box' (fleet/ui)");
            foreach (var (file, text) in new[] { ("api.txt", "remote api\n"), ("web.txt", "web\n"), ("ui.txt", "remote ui\n") })
                File.ReadAllText(Path.Combine(local.Path, file)).ShouldBe(text);
        }
        finally
        {
            FleetHosts.StopAll(localHosts);
        }
    }

    [Fact]
    public async Task A_remote_merge_killed_after_the_base_moved_is_finished_by_the_next_run()
    {
        using var local = await FleetRepoAsync();
        await using var remote = await RemoteMachine.StartAsync(local);
        await AddToFleetTomlAsync(local, remote.HostToml() + "\n[[task]]\nname = \"api\"\nhost = \"box\"\n\n[[task]]\nname = \"docs\"\ndepends_on = [\"api\"]\n");
        var localHosts = Path.Combine(local.RootDir, "hosts");
        var environment = remote.LocalEnvironment(localHosts);
        try
        {
            VerbRunner.RunWith(local, environment, "new", "api").ExitCode.ShouldBe(0);
            await CommitOnRemoteAsync(remote, Path.Combine(remote.Folder, "clone.worktrees", "api"), "api.txt", "remote api\n");
            await MarkDoneOnRemoteAsync(local, environment, "api");
            // What a run killed right after moving the base leaves: api's branch in main; no record here, none on its host.
            var host = RemoteHostConnector.Find(Core.Config.ConfigLoader.Load(Path.Combine(local.Path, "fleet.toml")), "box");
            var fetched = await new RemoteBranchFetcher(SshSettings.FromEnvironment(n => environment.GetValueOrDefault(n)), local.Git)
                .FetchAsync(local.Path, host, "fleet/api", CancellationToken.None);
            await local.RunGitAsync("merge", "--no-ff", "-q", "-m", "Merge fleet task 'api@box' (fleet/api)", "refs/remotes/" + fetched);
            var killedAt = (await local.RunGitAsync("rev-parse", "main")).Trim();

            var merge = VerbRunner.RunWith(local, environment, "merge", "--all", "--yes");

            merge.ExitCode.ShouldBe(0, merge.Out + merge.Error);
            merge.Out.ShouldContain("  api@box: recovered: an interrupted fleet merge had merged it", customMessage: merge.Out);
            merge.Out.ShouldContain("  docs: started from the integrated base", customMessage: merge.Out);
            (await local.RunGitAsync("rev-parse", "main")).Trim().ShouldBe(killedAt, "nothing is merged twice");
            new SessionStore(Path.Combine(local.CommonDir, "fleet")).Load().Find("api")!.Phase.ShouldBe(TaskPhase.Merged);
            (await RemoteSnapshotAsync(local, environment)).FindTask("api")!.Phase.ShouldBe(TaskPhase.Merged, "its host was told");
            File.ReadAllText(Path.Combine(local.RootDir, "repo.worktrees", "docs", "api.txt")).ShouldBe("remote api\n");
        }
        finally
        {
            FleetHosts.StopAll(localHosts);
        }
    }

    [Fact]
    public async Task Fleet_merge_task_at_host_goes_through_a_running_local_host_and_naming_it_in_review_retries_it()
    {
        using var local = await FleetRepoAsync();
        await local.CommitFileAsync("shared.txt", "base\n", "shared file");
        await using var remote = await RemoteMachine.StartAsync(local);
        await AddToFleetTomlAsync(local, remote.HostToml() + "\n[[task]]\nname = \"api\"\nhost = \"box\"\n");
        var localHosts = Path.Combine(local.RootDir, "hosts");
        var environment = remote.LocalEnvironment(localHosts);
        try
        {
            VerbRunner.RunWith(local, environment, "new", "api").ExitCode.ShouldBe(0);
            var worktree = Path.Combine(remote.Folder, "clone.worktrees", "api");
            await CommitOnRemoteAsync(remote, worktree, "shared.txt", "remote\n");
            await MarkDoneOnRemoteAsync(local, environment, "api");
            await local.CommitFileAsync("shared.txt", "local\n", "local change to the same line");
            var before = (await local.RunGitAsync("rev-parse", "main")).Trim();
            // A cockpit's host is running: the CLI's merge goes through it, and the merge runs in it.
            await using var cockpit = await StartLocalHostAsync(local, environment, localHosts);

            var conflicted = VerbRunner.RunWith(local, environment, "merge", "api@box", "--yes");

            conflicted.ExitCode.ShouldNotBe(0, conflicted.Out + conflicted.Error);
            conflicted.Out.ShouldContain("  api@box: ", customMessage: conflicted.Out);
            conflicted.Out.ShouldContain("shared.txt", customMessage: conflicted.Out);
            (await local.RunGitAsync("rev-parse", "main")).Trim().ShouldBe(before);
            (await RemoteSnapshotAsync(local, environment)).FindTask("api")!.Phase.ShouldBe(TaskPhase.Review);

            // The agent resolves it on its host (the same line as the base now), then naming the task retries it.
            await CommitOnRemoteAsync(remote, worktree, "shared.txt", "local\n");
            var retried = VerbRunner.RunWith(local, environment, "merge", "api@box", "--yes");

            retried.ExitCode.ShouldBe(0, retried.Out + retried.Error);
            retried.Out.ShouldContain("  api@box: merged as ", customMessage: retried.Out);
            (await RemoteSnapshotAsync(local, environment)).FindTask("api")!.Phase.ShouldBe(TaskPhase.Merged);
            // The host's session recorded it: the cockpit connected to that host sees api merged here.
            await Eventually.HoldsAsync(() => Task.FromResult(cockpit.Snapshot.FindTask("api")?.Phase), phase => phase == TaskPhase.Merged,
                "api merged in the local host's session");
        }
        finally
        {
            FleetHosts.StopAll(localHosts);
        }
    }
}
