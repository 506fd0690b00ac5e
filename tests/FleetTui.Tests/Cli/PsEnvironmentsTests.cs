using FleetTui.Cli;
using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Tests.Ui.Cockpit;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli;

public class PsEnvironmentsTests
{
    private static SessionSnapshot Snapshot(params TaskSnapshot[] tasks) => new FakeCockpitSession(tasks).Snapshot with
    {
        RepoRoot = "/src/front",
        Config = ConfigLoader.Parse("""
            [repos.api]
            path = "../api"
            shared_env = { API_URL = "http://localhost:3000/v1" }

            [services.web]
            command = "serve"
            port = "web"

            [services.api]
            command = "serve"
            repo = "api"
            port = "api"

            [services.worker]
            command = "work"
            """, "/src/front/fleet.toml"),
    };

    [Fact]
    public void Each_repository_is_a_column_with_the_tasks_url_and_branch_or_the_shared_main_stack()
    {
        var front = FakeCockpitSession.Task("feat-01") with
        {
            Services = [new ServiceState { Name = "web", Phase = ServicePhase.Up, Port = 3001 }, new ServiceState { Name = "worker", Phase = ServicePhase.Up }],
        };
        var both = FakeCockpitSession.Task("feat-02") with
        {
            Repos = [new TaskRepoSnapshot { Name = "api", WorktreePath = "/w", BaseBranch = "main" }],
            Services =
            [
                new ServiceState { Name = "web", Phase = ServicePhase.Up, Port = 3002 },
                new ServiceState { Name = "api", Repo = "api", Phase = ServicePhase.Starting, Port = 4001 },
            ],
        };

        var lines = PsEnvironments.Table(Snapshot(front, both)).Split('\n');

        lines[1].ShouldBe("TASK     FRONT                                  API                                    STATUS");
        lines[2].ShouldBe("feat-01  http://localhost:3001 [fleet/feat-01]  shared (:3000)                         running");
        lines[3].ShouldBe("feat-02  http://localhost:3002 [fleet/feat-02]  http://localhost:4001 [fleet/feat-02]  starting",
            "worker never started: stopped; api starting wins");
    }

    [Theory]
    [InlineData(ServicePhase.Restarting, "restarting")]
    [InlineData(ServicePhase.Exited, "exited")]
    [InlineData(ServicePhase.NotReady, "not ready")]
    [InlineData(ServicePhase.Stopped, "partly stopped")]
    public void The_status_says_the_worst_of_the_tasks_services(ServicePhase worker, string status)
    {
        var task = FakeCockpitSession.Task("t") with
        {
            Services = [new ServiceState { Name = "web", Phase = ServicePhase.Up, Port = 1 }, new ServiceState { Name = "worker", Phase = worker }],
        };

        PsEnvironments.Status(Snapshot(task), task).ShouldBe(status);
    }

    [Fact]
    public void Nothing_is_shown_without_repositories_or_services()
    {
        var plain = new FakeCockpitSession(FakeCockpitSession.Task("t")).Snapshot;

        PsEnvironments.Table(plain).ShouldBe("");
    }
}
