using System.CommandLine;
using FleetTui.Cli;
using FleetTui.Core.Config;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli;

public sealed class ImportVerbTests : IAsyncLifetime
{
    private const string ExistingToml = "# our fleet\n[fleet]\nbase = \"main\"   # keep this comment\n\n[[task]]\nname = \"models\"\nprompt = \"add models\"\n";

    private TempRepo _repo = null!;

    public async Task InitializeAsync()
    {
        _repo = await TempRepo.CreateAsync();
        _repo.WriteFile("fleet.toml", ExistingToml);
        _repo.WriteFile("tickets/01-API Routes.md", "---\ndepends_on: [models]\nagent: claude\ntitle: Routes\n---\n# Routes\n");
        _repo.WriteFile("tickets/02-ui.md", "---\ndepends_on:\n  - 01-api-routes\n---\n# UI\n");
        _repo.WriteFile("tickets/03-docs.md", "# Docs, no front matter\n");
        _repo.WriteFile("tickets/notes.txt", "not a ticket");
    }

    public Task DisposeAsync()
    {
        _repo.Dispose();
        return Task.CompletedTask;
    }

    private string ConfigPath => Path.Combine(_repo.Path, "fleet.toml");

    private (int Code, string Out, string Err) Run(string workingDirectory, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, workingDirectory) { GitEnvironment = _repo.Git.Options.Environment };
        var root = new RootCommand("test") { ImportVerb.Create(context) };
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Appends_one_task_per_ticket_without_disturbing_the_existing_text()
    {
        var (code, output, error) = Run(_repo.Path, "import", "tickets");
        code.ShouldBe(ExitCodes.Ok, error);
        output.ShouldContain("added task 01-api-routes ← tickets/01-API Routes.md (depends on models) [front matter ignored: title]");

        var text = File.ReadAllText(ConfigPath);
        text.ShouldStartWith(ExistingToml);
        var config = ConfigLoader.Load(ConfigPath);
        config.Tasks.Select(t => t.Name).ShouldBe(["models", "01-api-routes", "02-ui", "03-docs"]);
        var routes = config.FindTask("01-api-routes")!;
        routes.Ticket.ShouldBe("tickets/01-API Routes.md");
        routes.DependsOn.ShouldBe(["models"]);
        routes.Agent.ShouldBe(AgentRef.Preset("claude"));
        config.FindTask("02-ui")!.DependsOn.ShouldBe(["01-api-routes"]);
        config.FindTask("03-docs")!.DependsOn.ShouldBeEmpty();
    }

    [Fact]
    public void Works_from_a_subfolder_and_a_second_import_skips_what_is_there()
    {
        Run(Path.Combine(_repo.Path, "tickets"), "import", ".").Code.ShouldBe(ExitCodes.Ok);
        var once = File.ReadAllText(ConfigPath);
        var (code, output, _) = Run(_repo.Path, "import", "tickets");
        code.ShouldBe(ExitCodes.Ok);
        output.ShouldContain("skipped tickets/02-ui.md: already the ticket of task '02-ui'");
        output.ShouldContain("no new tickets");
        File.ReadAllText(ConfigPath).ShouldBe(once);
    }

    [Fact]
    public void Dry_run_prints_the_tables_and_changes_nothing()
    {
        var (code, output, _) = Run(_repo.Path, "import", "tickets", "--dry-run");
        code.ShouldBe(ExitCodes.Ok);
        output.ShouldContain("[[task]]\nname = \"02-ui\"\nticket = \"tickets/02-ui.md\"\ndepends_on = [\"01-api-routes\"]\n");
        File.ReadAllText(ConfigPath).ShouldBe(ExistingToml);
    }

    [Fact]
    public void A_result_that_does_not_validate_is_reported_with_its_position_and_nothing_is_written()
    {
        _repo.WriteFile("tickets/04-bad.md", "---\ndepends_on: [nowhere]\n---\n");
        var (code, _, error) = Run(_repo.Path, "import", "tickets");
        code.ShouldBe(ExitCodes.BadConfig);
        error.ShouldContain("nothing changed");
        error.ShouldMatch(@"fleet\.toml:\d+:\d+: .*nowhere");
        File.ReadAllText(ConfigPath).ShouldBe(ExistingToml);
    }

    [Fact]
    public void A_malformed_front_matter_names_the_ticket_and_line()
    {
        _repo.WriteFile("tickets/05-open.md", "---\ndepends_on: [a\n");
        var (code, _, error) = Run(_repo.Path, "import", "tickets");
        code.ShouldBe(ExitCodes.Failed);
        error.ShouldContain("tickets/05-open.md:1:1");
        File.ReadAllText(ConfigPath).ShouldBe(ExistingToml);
    }

    [Fact]
    public void Creates_fleet_toml_when_there_is_none()
    {
        File.Delete(ConfigPath);
        _repo.WriteFile("tickets/01-API Routes.md", "# Routes\n");
        Run(_repo.Path, "import", "tickets").Code.ShouldBe(ExitCodes.Ok);
        ConfigLoader.Load(ConfigPath).Tasks.Count.ShouldBe(3);
    }

    [Fact]
    public void A_missing_folder_is_a_clear_error()
    {
        var (code, _, error) = Run(_repo.Path, "import", "nope");
        code.ShouldBe(ExitCodes.Failed);
        error.ShouldContain("no such folder: nope");
    }
}
