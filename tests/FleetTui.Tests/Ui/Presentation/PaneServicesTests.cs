using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Host.Protocol;
using FleetTui.Tests.Ui.Cockpit;
using FleetTui.Ui.Panes;
using FleetTui.Ui.Presentation;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Presentation;

public class PaneServicesTests
{
    private static readonly FleetConfig Config = ConfigLoader.Parse("""
        [repos.api]
        path = "../api"

        [services.web]
        command = "serve"

        [services.api]
        command = "serve"
        repo = "api"
        """, "/repo/fleet.toml");

    [Fact]
    public void The_pane_cycles_from_the_agent_through_the_tasks_services_in_file_order_and_back()
    {
        var both = FakeCockpitSession.Task("both") with { Repos = [new TaskRepoSnapshot { Name = "api", WorktreePath = "/w", BaseBranch = "main" }] };

        PaneServices.Next(Config, both, null).ShouldBe("web");
        PaneServices.Next(Config, both, "web").ShouldBe("api");
        PaneServices.Next(Config, both, "api").ShouldBeNull();
    }

    [Fact]
    public void A_task_not_spanning_a_repository_skips_its_services_and_one_with_none_stays_on_its_agent()
    {
        PaneServices.Next(Config, FakeCockpitSession.Task("front"), "web").ShouldBeNull();
        PaneServices.Next(Config, FakeCockpitSession.Task("front"), null).ShouldBe("web");
        PaneServices.Next(new FleetConfig { SourcePath = "/repo/fleet.toml", Fleet = new FleetSettings() }, FakeCockpitSession.Task("t"), null).ShouldBeNull();
        PaneServices.Next(Config, FakeCockpitSession.Task("front"), "gone").ShouldBeNull("a service no longer declared goes back to the agent");
    }

    [Fact]
    public void A_service_pane_is_named_by_task_and_service_and_its_title_says_the_services_state()
    {
        var now = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
        var task = FakeCockpitSession.Task("feat-02") with
        {
            Services = [new ServiceState { Name = "worker", Phase = ServicePhase.Restarting, ExitCode = 1, RestartAt = now.AddSeconds(4) }],
        };

        PaneKey.ForService("feat-02", "web").ShouldBe("feat-02/web");
        PaneKey.IsService("feat-02/web", out var owner, out var service).ShouldBeTrue();
        (owner, service).ShouldBe(("feat-02", "web"));
        PaneKey.IsService("feat-02", out _, out _).ShouldBeFalse();
        PaneTitle.ComposeService(2, task, "worker", now, 80).ShouldBe(" 2 feat-02 · worker crashed (exit 1), restarting in 4s ");
        PaneTitle.ComposeService(2, task, "web", now, 80).ShouldBe(" 2 feat-02 · web stopped ");
    }
}
