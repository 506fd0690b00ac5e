using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Agents;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AgentLaunchPlannerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fleet-launch-").FullName;

    public AgentLaunchPlannerTests()
    {
        Bin = Path.Combine(_root, "bin");
        Repo = Path.Combine(_root, "my repo");
        Worktree = Path.Combine(_root, "my repo.worktrees", "cart");
        Directory.CreateDirectory(Bin);
        Directory.CreateDirectory(Worktree);
        Directory.CreateDirectory(Path.Combine(Repo, "tickets"));
        foreach (var program in new[] { "claude", "codex", "aider", "gemini", "zsh" })
            Executable(Path.Combine(Bin, program));
        File.WriteAllText(Path.Combine(Repo, "tickets", "03-cart.md"), "# Cart\nFix the total.\n");
    }

    private string Bin { get; }
    private string Repo { get; }
    private string Worktree { get; }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static void Executable(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private TemplateValues Values => new()
    {
        Task = "cart", Branch = "fleet/cart", Worktree = Worktree, Repo = Repo,
        Ports = new Dictionary<string, int> { ["web"] = 41001 },
    };

    private static TaskConfig Task(AgentRef? agent = null, string? ticket = "tickets/03-cart.md", string? prompt = null,
        IReadOnlyDictionary<string, string>? env = null) => new()
    {
        Name = "cart", Branch = "fleet/cart", Agent = agent, Ticket = ticket, Prompt = prompt,
        Env = env ?? new Dictionary<string, string>(),
    };

    private FleetConfig Config(FleetSettings? fleet = null, params AgentConfig[] agents)
    {
        var all = new Dictionary<string, AgentConfig>(AgentPresets.BuiltIn, StringComparer.Ordinal);
        foreach (var agent in agents)
            all[agent.Name] = agent;
        return new FleetConfig { SourcePath = Path.Combine(Repo, "fleet.toml"), Fleet = fleet ?? new FleetSettings(), Agents = all };
    }

    private AgentLaunchResult Plan(TaskConfig task, FleetConfig? config = null, bool resume = false, string? shell = null, string? path = null) =>
        AgentLaunchPlanner.Plan(new AgentLaunchRequest
        {
            Config = config ?? Config(), Task = task, Values = Values, UserShell = shell, InheritedPath = path ?? "/nonexistent:" + Bin, Continue = resume,
        });

    private AgentLaunchPlan Ready(TaskConfig task, FleetConfig? config = null, bool resume = false, string? shell = null) =>
        Plan(task, config, resume, shell).ShouldBeOfType<AgentLaunchResult.Ready>().Plan;

    [Fact]
    public void Claude_gets_the_ticket_as_its_last_argument_and_runs_in_the_worktree()
    {
        var plan = Ready(Task(AgentRef.Preset("claude")));
        plan.Argv.ShouldBe(["claude", "# Cart\nFix the total.\n"]);
        plan.Executable.ShouldBe(Path.Combine(Bin, "claude"));
        plan.WorkingDirectory.ShouldBe(Worktree);
        plan.Handover.ShouldBe(TicketHandover.Argument);
        plan.Hints.ShouldBeSameAs(AgentStatePatterns.Claude);
        plan.Environment["FLEET_TASK"].ShouldBe("cart");
        plan.Environment["FLEET_WORKTREE"].ShouldBe(Worktree);
        plan.Environment["FLEET_PORT_WEB"].ShouldBe("41001");
        plan.Environment.ContainsKey("FLEET_TICKET").ShouldBeFalse();
    }

    [Fact]
    public void Gemini_gets_its_prompt_args_before_the_text()
    {
        Ready(Task(AgentRef.Preset("gemini"), ticket: null, prompt: "add reviews")).Argv.ShouldBe(["gemini", "-i", "add reviews"]);
    }

    [Fact]
    public void The_fleet_context_comes_before_the_ticket()
    {
        File.WriteAllText(Path.Combine(Repo, "solution.md"), "# Solution\nUse decimals.\n");
        var plan = Ready(Task(AgentRef.Preset("claude")), Config(new FleetSettings { Context = "solution.md" }));
        plan.TicketText.ShouldBe("# Solution\nUse decimals.\n\n---\n\n# Cart\nFix the total.\n");
        plan.Argv[^1].ShouldBe(plan.TicketText);
    }

    [Fact]
    public void A_missing_ticket_names_the_task_and_the_path()
    {
        var failed = Plan(Task(AgentRef.Preset("claude"), ticket: "tickets/99-nope.md")).ShouldBeOfType<AgentLaunchResult.Failed>();
        failed.Reason.ShouldBe(AgentLaunchFailure.TicketMissing);
        failed.Message.ShouldContain("task 'cart'");
        failed.Message.ShouldContain("tickets/99-nope.md");
        failed.Message.ShouldContain(Path.Combine(Repo, "tickets", "99-nope.md"));
    }

    [Fact]
    public void Aider_gets_the_ticket_as_text_to_type_after_start()
    {
        var plan = Ready(Task(AgentRef.Preset("aider")));
        plan.Argv.ShouldBe(["aider"]);
        plan.StdinText.ShouldBe("# Cart\nFix the total.\n");
        plan.StdinSubmit.ShouldBe("\r");
    }

    [Fact]
    public void The_file_handover_plans_an_excluded_ticket_file_named_by_FLEET_TICKET()
    {
        var plan = Ready(Task(AgentRef.Preset("filer")), Config(null, new AgentConfig { Name = "filer", Command = ["codex"], Handover = TicketHandover.File }));
        var ticketPath = Path.Combine(Worktree, ".fleet", "ticket.md");
        plan.Files.ShouldBe(new Dictionary<string, string> { [ticketPath] = "# Cart\nFix the total.\n" });
        plan.Environment["FLEET_TICKET"].ShouldBe(ticketPath);
        plan.ExcludePatterns.ShouldBe(["/.fleet/"]);
        plan.Argv.ShouldBe(["codex"]);
    }

    [Fact]
    public async Task Writing_the_ticket_file_leaves_the_worktree_clean_and_the_gitignore_alone()
    {
        using var repo = await TempRepo.CreateAsync();
        repo.WriteFile(".gitignore", "bin/\n");
        await repo.CommitAllAsync("ignore bin");
        var worktree = Path.Combine(repo.RootDir, "wt");
        await repo.RunGitAsync("worktree", "add", "--quiet", "-b", "fleet/cart", worktree);
        var plan = Ready(Task(AgentRef.Preset("filer")), Config(null, new AgentConfig { Name = "filer", Command = ["codex"], Handover = TicketHandover.File }))
            with { WorkingDirectory = worktree, Files = new Dictionary<string, string> { [Path.Combine(worktree, ".fleet", "ticket.md")] = "ticket" } };

        await AgentLaunchFiles.WriteAsync(repo.Git, plan);
        await AgentLaunchFiles.WriteAsync(repo.Git, plan); // idempotent

        File.ReadAllText(Path.Combine(worktree, ".fleet", "ticket.md")).ShouldBe("ticket");
        (await repo.Git.RunAsync(worktree, ["status", "--porcelain"])).ShouldBeEmpty();
        File.ReadAllText(Path.Combine(worktree, ".gitignore")).ShouldBe("bin/\n");
        File.ReadAllText(Path.Combine(repo.CommonDir, "info", "exclude")).Split('\n').Count(l => l == "/.fleet/").ShouldBe(1);
    }

    [Fact]
    public void Continuing_appends_the_continue_args_and_hands_over_no_ticket()
    {
        var plan = Ready(Task(AgentRef.Preset("claude")), resume: true);
        plan.Argv.ShouldBe(["claude", "--continue"]);
        plan.TicketText.ShouldBeNull();
        plan.Continues.ShouldBeTrue();
        Ready(Task(AgentRef.Preset("codex")), resume: true).Argv.ShouldBe(["codex", "resume", "--last"]);
    }

    [Fact]
    public void A_command_that_is_not_installed_is_a_plain_message_with_the_path_tried()
    {
        var failed = Plan(Task(AgentRef.Preset("claude")), path: "/usr/nothing:/opt/none").ShouldBeOfType<AgentLaunchResult.Failed>();
        failed.Reason.ShouldBe(AgentLaunchFailure.CommandNotFound);
        failed.Message.ShouldStartWith("command not found: claude (tried PATH=/usr/nothing:/opt/none)");
    }

    [Fact]
    public void A_file_without_execute_permission_is_not_a_command()
    {
        File.SetUnixFileMode(Path.Combine(Bin, "claude"), UnixFileMode.UserRead);
        Plan(Task(AgentRef.Preset("claude"))).ShouldBeOfType<AgentLaunchResult.Failed>().Reason.ShouldBe(AgentLaunchFailure.CommandNotFound);
    }

    [Fact]
    public void A_path_command_is_resolved_against_the_worktree()
    {
        Executable(Path.Combine(Worktree, "scripts", "agent"));
        var plan = Ready(Task(AgentRef.Command(["./scripts/agent", "--dir={worktree}"]), ticket: null));
        plan.Executable.ShouldBe(Path.Combine(Worktree, "scripts", "agent"));
        plan.Argv.ShouldBe(["./scripts/agent", $"--dir={Worktree}"]); // a path with a space stays one element
        var missing = Plan(Task(AgentRef.Command(["./scripts/nope"]), ticket: null)).ShouldBeOfType<AgentLaunchResult.Failed>();
        missing.Message.ShouldContain(Path.Combine(Worktree, "scripts", "nope"));
    }

    [Fact]
    public void The_shell_preset_runs_the_users_shell_or_sh()
    {
        Ready(Task(AgentRef.Preset("shell"), ticket: null), shell: Path.Combine(Bin, "zsh")).Argv.ShouldBe([Path.Combine(Bin, "zsh")]);
        var plan = Plan(Task(AgentRef.Preset("shell"), ticket: null), path: "/bin:/usr/bin");
        plan.ShouldBeOfType<AgentLaunchResult.Ready>().Plan.Argv.ShouldBe(["sh"]);
    }

    [Fact]
    public void Environment_layers_fleet_then_agent_then_task_with_templates_expanded_and_FLEET_TASK_kept()
    {
        var config = Config(
            new FleetSettings { Env = new Dictionary<string, string> { ["A"] = "fleet", ["B"] = "fleet", ["C"] = "fleet", ["URL"] = "http://localhost:{port.web}" } },
            AgentPresets.Claude with { Env = new Dictionary<string, string> { ["B"] = "agent", ["C"] = "agent" } });
        var plan = Ready(Task(AgentRef.Preset("claude"), env: new Dictionary<string, string> { ["C"] = "task", ["FLEET_TASK"] = "other" }), config);
        plan.Environment["A"].ShouldBe("fleet");
        plan.Environment["B"].ShouldBe("agent");
        plan.Environment["C"].ShouldBe("task");
        plan.Environment["URL"].ShouldBe("http://localhost:41001");
        plan.Environment["FLEET_TASK"].ShouldBe("cart");
    }

    [Fact]
    public void A_task_env_PATH_is_where_the_command_is_looked_up()
    {
        var other = Path.Combine(_root, "other-bin");
        Executable(Path.Combine(other, "claude"));
        var plan = Ready(Task(AgentRef.Preset("claude"), env: new Dictionary<string, string> { ["PATH"] = other }));
        plan.Executable.ShouldBe(Path.Combine(other, "claude"));
    }

    [Fact]
    public void A_ticket_too_long_for_an_argument_says_to_use_the_file_handover()
    {
        File.WriteAllText(Path.Combine(Repo, "tickets", "big.md"), new string('x', AgentLaunchPlanner.MaxArgumentBytes + 1));
        var failed = Plan(Task(AgentRef.Preset("claude"), ticket: "tickets/big.md")).ShouldBeOfType<AgentLaunchResult.Failed>();
        failed.Reason.ShouldBe(AgentLaunchFailure.TicketTooLong);
        failed.Message.ShouldContain("handover = \"file\"");
    }

    [Fact]
    public void An_unknown_agent_is_named()
    {
        Plan(Task(AgentRef.Preset("cursor"))).ShouldBeOfType<AgentLaunchResult.Failed>().Message.ShouldContain("unknown agent 'cursor'");
    }

    [Fact]
    public void A_task_without_ticket_or_prompt_hands_over_nothing()
    {
        var plan = Ready(Task(AgentRef.Preset("claude"), ticket: null));
        plan.Argv.ShouldBe(["claude"]);
        plan.Handover.ShouldBe(TicketHandover.None);
    }
}
