using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Tests.Ui.Cockpit;
using FleetTui.Ui.Cockpit.Hosts;
using FleetTui.Ui.Presentation;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Cockpit.Hosts;

public class TaskRosterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Local_tasks_come_first_then_each_host_by_name_and_a_task_declared_on_a_host_is_listed_under_it_only()
    {
        // fleet.toml here declares train on gpu; the local session lists it as pending (it is never made here).
        var local = Snapshot([Task("web"), Task("train", TaskPhase.Pending)], new TaskConfig { Name = "train", Branch = "fleet/train", Host = "gpu" });
        var gpuDown = new RemoteHostView("gpu", new HostLinkStatus(HostLinkPhase.Unreachable, Error: "ssh: connect to host gpu port 22: Connection refused"), null);
        // box's own fleet.toml declares web too (every clone does): a declared task it never made is not one of its.
        var box = new RemoteHostView("box", HostLinkStatus.Connected, Snapshot([Task("api"), Task("web", TaskPhase.Pending) with { Origin = TaskOrigin.Config }]));

        var roster = TaskRoster.Compose(local, [gpuDown, box], version: 7);

        roster.Snapshot.Version.ShouldBe(7);
        roster.Snapshot.Tasks.Select(t => $"{t.Name}:{t.Phase}").ShouldBe(["web:Active", "api:Active", "train:Pending"]);
        roster.Groups.Select(g => $"{g.Name}={string.Join(",", g.Tasks)}").ShouldBe(["box=api", "gpu=train"]);
        roster.RouteOf("api").ShouldBe(new TaskRoute("box", "api"));
        roster.RouteOf("train").ShouldBe(new TaskRoute("gpu", "train"));
        roster.RouteOf("web").ShouldBe(new TaskRoute(null, "web"));

        // Once gpu answers with the task as it made it, that is what shows.
        var gpuUp = gpuDown with { Status = HostLinkStatus.Connected, Snapshot = Snapshot([Task("train")]) };
        TaskRoster.Compose(local, [gpuUp, box], 8).Snapshot.FindTask("train")!.Phase.ShouldBe(TaskPhase.Active);
    }

    [Fact]
    public void A_remote_task_whose_name_is_taken_shows_as_name_at_host_and_routes_back_to_its_own_name()
    {
        var local = Snapshot([Task("api")]);
        var box = new RemoteHostView("box", HostLinkStatus.Connected, Snapshot([Task("api"), Task("docs")]));

        var roster = TaskRoster.Compose(local, [box], 1);

        roster.Snapshot.Tasks.Select(t => t.Name).ShouldBe(["api", "api@box", "docs"]);
        roster.RouteOf("api@box").ShouldBe(new TaskRoute("box", "api"));
        roster.ShownName("box", "api").ShouldBe("api@box");
        roster.ShownName(null, "api").ShouldBe("api");
        roster.ShownName("box", "docs").ShouldBe("docs");
        roster.ShownName("box", "gone").ShouldBeNull();
    }

    [Fact]
    public void A_hosts_state_reads_connected_reconnecting_with_its_countdown_or_unreachable_with_ssh_s_words()
    {
        HostLinkStatus.Connecting.Describe(Now).ShouldBe("connecting");
        HostLinkStatus.Connected.Describe(Now).ShouldBe("connected");
        new HostLinkStatus(HostLinkPhase.Reconnecting, Now.AddSeconds(2.2)).Describe(Now).ShouldBe("reconnecting 3s");
        new HostLinkStatus(HostLinkPhase.Reconnecting, null).Describe(Now).ShouldBe("reconnecting");
        new HostLinkStatus(HostLinkPhase.Unreachable, Now.AddSeconds(4), "ssh: connect to host box port 22: No route to host").Describe(Now)
            .ShouldBe("unreachable: ssh: connect to host box port 22: No route to host");
    }

    [Fact]
    public void The_sidebar_groups_tasks_under_their_hosts_and_a_click_on_a_header_selects_nothing()
    {
        var local = Snapshot([Task("web")]);
        var roster = TaskRoster.Compose(local,
        [
            new RemoteHostView("box", new HostLinkStatus(HostLinkPhase.Reconnecting, Now.AddSeconds(3)), Snapshot([Task("api")])),
            new RemoteHostView("vm", HostLinkStatus.Connecting, null),
        ], 1);

        var lines = SidebarPresenter.Lines(roster.Snapshot, 0, Now, 60, roster.Groups).Select(l => l.Text).ToList();

        lines.Where(l => !l.StartsWith("   ", StringComparison.Ordinal)).ShouldBe(
        [
            " Tasks (2) · main", "── local", " 1 web working", "── box: reconnecting 3s", " 2 api working", "── vm: connecting",
        ]);
        SidebarPresenter.TaskAtRow(roster.Snapshot, lines.IndexOf("── box: reconnecting 3s"), Now, roster.Groups).ShouldBe(-1);
        SidebarPresenter.TaskAtRow(roster.Snapshot, lines.IndexOf(" 2 api working"), Now, roster.Groups).ShouldBe(1);
        SidebarPresenter.TaskAtRow(roster.Snapshot, lines.IndexOf(" 1 web working"), Now, roster.Groups).ShouldBe(0);
        HostGroupPresenter.PaneNote(roster.Groups[0], Now).ShouldBe("box reconnecting 3s");
        HostGroupPresenter.PaneNote(roster.Groups[0] with { Status = HostLinkStatus.Connected }, Now).ShouldBeNull();
    }

    [Fact]
    public void A_remote_task_declared_here_keeps_the_dependencies_declared_here_so_the_merge_panel_orders_it_after_them()
    {
        var local = Snapshot([Task("core")], new TaskConfig { Name = "api", Branch = "fleet/api", Host = "box", DependsOn = ["core"] });
        var box = new RemoteHostView("box", HostLinkStatus.Connected, Snapshot([Task("api"), Task("docs")]));

        var roster = TaskRoster.Compose(local, [box], 2);

        roster.Snapshot.FindTask("api")!.DependsOn.ShouldBe(["core"]);
        roster.Snapshot.FindTask("docs")!.DependsOn.ShouldBeEmpty();
        Core.Merging.MergePlanner.PlanFor(roster.Snapshot).Find("api")!.Readiness.ShouldBeOfType<Core.Merging.MergeReadiness.WaitingOn>();
    }

    private static TaskSnapshot Task(string name, TaskPhase phase = TaskPhase.Active) => FakeCockpitSession.Task(name, phase);

    private static SessionSnapshot Snapshot(IReadOnlyList<TaskSnapshot> tasks, params TaskConfig[] declared) => new()
    {
        Version = 1,
        RepoRoot = "/repo",
        BaseBranch = "main",
        Config = new FleetConfig { SourcePath = "/repo/fleet.toml", Fleet = new FleetSettings(), Tasks = declared },
        Tasks = tasks,
    };
}
