using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Host.Merging;
using FleetTui.Tests.Ui.Cockpit;
using FleetTui.Ui.Cockpit.Hosts;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Cockpit.Hosts;

/// <summary>
/// The merge panel's queue over several hosts: merges go to this machine's host under the names its merge run knows
/// (<c>task@host</c>), its activity comes back under the panel's names, and what acts where a task lives goes to its host.
/// (Over real hosts and ssh: <c>RemoteMergeTests.The_cockpits_merge_panel_merges_a_remote_task…</c>.)
/// </summary>
public class RosterMergeDriverTests
{
    [Fact]
    public async Task Remote_tasks_merge_through_the_local_host_as_task_at_host_and_their_activity_shows_under_the_panels_names()
    {
        var local = new RecordingDriver();
        var box = new RecordingDriver();
        // "api" exists here and on box: box's shows as api@box; box's "docs" keeps its name.
        var roster = TaskRoster.Compose(Snapshot([Active("api")]), [new RemoteHostView("box", HostLinkStatus.Connected, Snapshot([Active("api"), Active("docs")]))], 2);
        var driver = new RosterMergeDriver(local, () => roster, host => host == "box" ? box : null);

        await driver.MergeAsync(["api", "api@box", "docs"]);
        await driver.MergeAsync(null);
        local.Activity = MergeActivity.Idle
            .WithTask("docs@box", new TaskMergeActivity(TaskMergeActivityKind.Review, "docs@box: conflicts in README.md"))
            .WithTask("api@box", new TaskMergeActivity(TaskMergeActivityKind.Merged, "api@box: merged as 1a2b3c4d5e"))
            .WithTask("api", new TaskMergeActivity(TaskMergeActivityKind.Queued, "queued to merge"));

        local.Merged.ShouldBe([["api", "api@box", "docs@box"], null]);
        box.Merged.ShouldBeEmpty("every merge runs in this machine's host");
        driver.Activity.For("docs")!.Kind.ShouldBe(TaskMergeActivityKind.Review);
        driver.Activity.For("api@box")!.Kind.ShouldBe(TaskMergeActivityKind.Merged);
        driver.Activity.For("api")!.Kind.ShouldBe(TaskMergeActivityKind.Queued);
    }

    [Fact]
    public async Task A_remote_tasks_gate_retry_and_done_go_to_its_host_under_its_name_there()
    {
        var local = new RecordingDriver();
        var box = new RecordingDriver();
        var roster = TaskRoster.Compose(Snapshot([Active("api")]), [new RemoteHostView("box", HostLinkStatus.Connected, Snapshot([Active("api")]))], 2);
        var driver = new RosterMergeDriver(local, () => roster, host => host == "box" ? box : null);

        await driver.RunGateAsync("api@box");
        await driver.RetryAsync("api@box");
        await driver.MarkDoneAsync("api");
        var unreached = await new RosterMergeDriver(local, () => roster, _ => null).RetryAsync("api@box");

        box.Acted.ShouldBe(["gate api", "retry api"]);
        local.Acted.ShouldBe(["done api"]);
        unreached.Succeeded.ShouldBeFalse();
        unreached.Message.ShouldBe("api@box's host 'box' is not connected yet");
    }

    private sealed class RecordingDriver : IMergeDriver
    {
        public List<IReadOnlyList<string>?> Merged { get; } = [];

        public List<string> Acted { get; } = [];

        public MergeActivity Activity { get; set; } = MergeActivity.Idle;

        public event Action? ActivityChanged { add { } remove { } }

        public Task MergeAsync(IReadOnlyList<string>? tasks)
        {
            Merged.Add(tasks);
            return Task.CompletedTask;
        }

        public Task RunGateAsync(string task) => Act($"gate {task}");

        public Task<CommandResult> RetryAsync(string task) => Act($"retry {task}");

        public Task<CommandResult> MarkDoneAsync(string task) => Act($"done {task}");

        public Task<CommandResult> AcceptScopeAsync(string task) => Act($"scope {task}");

        public Task<IReadOnlyList<string>> ReadLogAsync(string path, int maxLines) => Task.FromResult<IReadOnlyList<string>>([path]);

        private Task<CommandResult> Act(string what)
        {
            Acted.Add(what);
            return Task.FromResult(CommandResult.Ok(what));
        }
    }

    private static TaskSnapshot Active(string name) => FakeCockpitSession.Task(name, TaskPhase.Active);

    private static SessionSnapshot Snapshot(IReadOnlyList<TaskSnapshot> tasks) => new()
    {
        Version = 1,
        RepoRoot = "/repo",
        BaseBranch = "main",
        Config = new FleetConfig { SourcePath = "/repo/fleet.toml", Fleet = new FleetSettings() },
        Tasks = tasks,
    };
}
