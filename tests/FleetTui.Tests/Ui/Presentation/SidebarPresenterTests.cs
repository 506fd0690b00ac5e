using FleetTui.Core.Session;
using FleetTui.Core.Worktrees;
using FleetTui.Tests.Ui.Cockpit;
using FleetTui.Ui.Presentation;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Presentation;

public class SidebarPresenterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_task_shows_each_repository_it_spans_and_each_service_under_it_and_clicks_still_select_tasks()
    {
        var both = FakeCockpitSession.Task("both") with
        {
            Repos = [new TaskRepoSnapshot { Name = "api", WorktreePath = "/api.worktrees/both", BaseBranch = "feat/x", Status = new BranchStatus { Ahead = 2, Behind = 0, Uncommitted = 1 } }],
            Services =
            [
                new ServiceState { Name = "web", Phase = ServicePhase.Up, Port = 41002 },
                new ServiceState { Name = "worker", Phase = ServicePhase.Restarting, ExitCode = 1, RestartAt = Now.AddSeconds(4) },
            ],
        };
        var snapshot = new FakeCockpitSession(both, FakeCockpitSession.Task("other")).Snapshot;

        var lines = SidebarPresenter.Lines(snapshot, 0, Now, 60).Select(l => l.Text).ToList();

        lines.ShouldContain("   api ↑2 ↓0 ~1 (from feat/x)");
        lines.ShouldContain("   web :41002 up");
        lines.ShouldContain("   worker crashed (exit 1), restarting in 4s");
        SidebarPresenter.TaskAtRow(snapshot, lines.FindIndex(l => l.Contains(" 2 other", StringComparison.Ordinal)), Now).ShouldBe(1);
    }
}
