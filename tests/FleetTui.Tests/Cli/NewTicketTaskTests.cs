using FleetTui.Cli;
using FleetTui.Core.Config;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli;

/// <summary><c>fleet new --ticket FILE</c> on a real repository.</summary>
public sealed class NewTicketTaskTests : IAsyncLifetime
{
    private const string Toml = "[fleet]\nbase = \"main\"\nagent = \"shell\"\n\n[[task]]\nname = \"models\"\n";

    private TempRepo _repo = null!;

    public async Task InitializeAsync()
    {
        _repo = await TempRepo.CreateAsync();
        await _repo.CommitFileAsync("fleet.toml", Toml, "fleet");
        _repo.WriteFile("tickets/02 API Routes.md", "---\ndepends_on: [models]\nagent: claude\n---\n# Routes\n");
        _repo.WriteFile("tickets/docs.md", "# Docs\n");
    }

    public Task DisposeAsync()
    {
        _repo.Dispose();
        return Task.CompletedTask;
    }

    private string ConfigPath => Path.Combine(_repo.Path, "fleet.toml");

    private string Worktree(string task) => Path.Combine(_repo.RootDir, "repo.worktrees", task);

    [Fact]
    public void Adds_the_ticket_as_a_task_named_after_its_file_with_the_front_matters_dependencies_and_waits_for_them()
    {
        var outcome = VerbRunner.Run(_repo, "new", "--ticket", "tickets/02 API Routes.md");

        outcome.ExitCode.ShouldBe(ExitCodes.Ok, outcome.Error);
        outcome.Out.ShouldContain("added task 02-api-routes ← tickets/02 API Routes.md (depends on models)");
        outcome.Out.ShouldContain("02-api-routes is blocked until models merged");
        var task = ConfigLoader.Load(ConfigPath).FindTask("02-api-routes").ShouldNotBeNull();
        task.Ticket.ShouldBe("tickets/02 API Routes.md");
        task.DependsOn.ShouldBe(["models"]);
        task.Agent.ShouldBe(AgentRef.Preset("claude"));
        File.ReadAllText(ConfigPath).ShouldStartWith(Toml);
        Directory.Exists(Worktree("02-api-routes")).ShouldBeFalse();
    }

    [Fact]
    public void Creates_the_worktree_at_once_when_nothing_blocks_it_under_the_name_given()
    {
        var outcome = VerbRunner.RunIn(_repo, Path.Combine(_repo.Path, "tickets"), "new", "handbook", "--ticket", "docs.md", "--agent", "shell");

        outcome.ExitCode.ShouldBe(ExitCodes.Ok, outcome.Error);
        var task = ConfigLoader.Load(ConfigPath).FindTask("handbook").ShouldNotBeNull();
        task.Ticket.ShouldBe("tickets/docs.md");
        task.Agent.ShouldBe(AgentRef.Preset("shell"));
        Directory.Exists(Worktree("handbook")).ShouldBeTrue();
    }

    [Fact]
    public void Refuses_a_ticket_that_already_has_a_task_and_changes_nothing()
    {
        VerbRunner.Run(_repo, "new", "--ticket", "tickets/docs.md").ExitCode.ShouldBe(ExitCodes.Ok);
        var before = File.ReadAllText(ConfigPath);

        var again = VerbRunner.Run(_repo, "new", "other", "--ticket", "tickets/docs.md");

        again.ExitCode.ShouldBe(ExitCodes.Failed);
        again.Error.ShouldContain("tickets/docs.md: already the ticket of task 'docs'");
        File.ReadAllText(ConfigPath).ShouldBe(before);
    }

    [Fact]
    public void Refuses_a_taken_name_with_the_position_in_fleet_toml()
    {
        var outcome = VerbRunner.Run(_repo, "new", "models", "--ticket", "tickets/docs.md");

        outcome.ExitCode.ShouldBe(ExitCodes.BadConfig);
        outcome.Error.ShouldContain("fleet.toml:");
        File.ReadAllText(ConfigPath).ShouldBe(Toml);
    }

    [Theory]
    [InlineData("new", "--ticket", "tickets/nope.md")]
    [InlineData("new", "--ticket", "tickets/docs.md", "--base", "main")]
    [InlineData("new")]
    public void Explains_a_missing_ticket_a_conflicting_option_or_a_missing_name(params string[] args)
    {
        var outcome = VerbRunner.Run(_repo, args);

        outcome.ExitCode.ShouldNotBe(ExitCodes.Ok);
        outcome.Error.ShouldStartWith("fleet new: ");
        File.ReadAllText(ConfigPath).ShouldBe(Toml);
    }
}
