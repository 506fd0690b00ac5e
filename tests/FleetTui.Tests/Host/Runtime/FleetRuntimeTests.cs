using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Panes;
using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using FleetTui.Terminal.Pty;
using FleetTui.Tests.Demo;
using FleetTui.Host.Runtime;
using FleetTui.Tests.Ui.Cockpit;
using FleetTui.Ui.Panes;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Runtime;

/// <summary>The cockpit's session on a real repository with real agents on real PTYs: launch, detection, hooks, restart, stop.</summary>
public sealed class FleetRuntimeTests : IDisposable
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(20);

    /// <summary>One task whose agent prints the arguments it was started with; its preset's continue argument is --continue.</summary>
    private const string AgentThatPrintsItsArguments = """
        [fleet]
        base = "main"

        [agents.fake]
        command = ["sh", "-c", "echo run-args:[$*]; exec sleep 600", "sh"]
        continue_args = ["--continue"]

        [[task]]
        name = "api"
        agent = "fake"
        """;

    private readonly List<IDisposable> _cleanup = [];

    public void Dispose()
    {
        foreach (var item in Enumerable.Reverse(_cleanup))
            item.Dispose();
    }

    private Task<(FleetRuntime Session, TempRepo Repo)> OpenAsync(string fleetToml, params (string Path, string Text)[] files) =>
        OpenAsync(fleetToml, claudeHooksArgv: null, files);

    private async Task<(FleetRuntime Session, TempRepo Repo)> OpenAsync(
        string fleetToml, IReadOnlyList<string>? claudeHooksArgv, params (string Path, string Text)[] files)
    {
        var repo = await TempRepo.CreateAsync();
        _cleanup.Add(repo);
        foreach (var (path, text) in files)
            repo.WriteFile(path, text);
        await repo.CommitFileAsync("fleet.toml", fleetToml, "fleet");
        var config = ConfigLoader.Parse(fleetToml, Path.Combine(repo.Path, "fleet.toml"));
        var session = new FleetRuntime(new UnixPtyHost(), "/bin/sh") { StopStep = TimeSpan.FromMilliseconds(500), ClaudeHooksFleetArgv = claudeHooksArgv };
        _cleanup.Add(session);
        await session.OpenAsync(new FleetSessionOptions { RepositoryDirectory = repo.Path, Config = config, Git = repo.Git }, CancellationToken.None);
        session.Start(new Dictionary<string, (int Columns, int Rows)>());
        return (session, repo);
    }

    private static Task<AgentState> AgentAsync(FleetRuntime session, string task, Func<AgentState, bool> condition, string what) =>
        Eventually.HoldsAsync(() => Task.FromResult(session.Snapshot.FindTask(task)?.Agent ?? AgentState.NotStarted), condition, what, Slow);

    private static Task<PaneTerminal> TerminalAsync(FleetRuntime session, string task, PaneTerminal? not = null) =>
        Eventually.HoldsAsync(() => Task.FromResult(session.TerminalFor(task)!), t => t is not null && t != not, $"{task}'s terminal", Slow);

    private static string ScreenText(PaneTerminal terminal)
    {
        lock (terminal.Terminal.SyncRoot)
        {
            var screen = terminal.Terminal.Screen;
            return string.Join("\n", Enumerable.Range(0, screen.Rows).Select(screen.GetRowText));
        }
    }

    private static Task<string> ScreenAsync(PaneTerminal terminal, string expected) =>
        Eventually.HoldsAsync(() => Task.FromResult(ScreenText(terminal)), s => s.Contains(expected, StringComparison.Ordinal), $"\"{expected}\" on screen", Slow);

    [Fact]
    public async Task A_missing_command_stays_on_screen_with_the_command_tried_and_the_task_exits_127()
    {
        var (session, _) = await OpenAsync("[fleet]\nbase = \"main\"\n\n[[task]]\nname = \"api\"\nagent = [\"no-such-agent-xyz\", \"--flag\"]\n");

        var terminal = await TerminalAsync(session, "api");
        var agent = await AgentAsync(session, "api", a => a.Activity == AgentActivity.Exited, "api exited");

        agent.ExitCode.ShouldBe(127);
        terminal.StartError.ShouldNotBeNull().ShouldContain("command not found: no-such-agent-xyz (tried PATH=");
        var screen = await ScreenAsync(terminal, "command not found: no-such-agent-xyz");
        screen.ShouldContain("for task 'api'");
        terminal.IsRunning.ShouldBeFalse();
    }

    [Fact]
    public async Task Hands_the_agent_its_task_env_and_ticket_and_follows_its_bell_and_its_hooks()
    {
        var (session, repo) = await OpenAsync("""
            [fleet]
            base = "main"

            [agents.fake]
            command = ["sh", "-c", "echo task=$FLEET_TASK wt=$FLEET_WORKTREE; echo prompt=\"$1\"; printf 'Approve? \\a'; exec sleep 600", "sh"]
            handover = "argument"

            [[task]]
            name = "api"
            agent = "fake"
            prompt = "build the api"
            """);

        var terminal = await TerminalAsync(session, "api");
        var screen = await ScreenAsync(terminal, "prompt=build the api");
        screen.ShouldContain("task=api wt=" + session.Snapshot.FindTask("api")!.WorktreePath);
        await AgentAsync(session, "api", a => a is { Activity: AgentActivity.WaitingForInput, Source: StateSource.Signal }, "waiting, from the bell");

        AgentSignalWriter.Append(repo.CommonDir, new AgentSignal(DateTimeOffset.UtcNow, "api", HookSignal.Working));

        await AgentAsync(session, "api", a => a is { Activity: AgentActivity.Working, Source: StateSource.Hook }, "working, from the hook");
    }

    [Fact]
    public async Task Restarting_with_continue_replaces_the_terminal_and_passes_the_presets_continue_arguments()
    {
        var (session, _) = await OpenAsync(AgentThatPrintsItsArguments);
        var first = await TerminalAsync(session, "api");
        await ScreenAsync(first, "run-args:[]");

        session.RestartAgent("api", continueSession: true);

        var second = await TerminalAsync(session, "api", not: first);
        await ScreenAsync(second, "run-args:[--continue]");
        await first.WhenExited.WaitAsync(Slow);
        second.IsRunning.ShouldBeTrue();
    }

    [Fact]
    public async Task A_late_hook_from_a_replaced_agent_is_dropped_and_the_new_agent_s_hooks_are_taken()
    {
        var (session, repo) = await OpenAsync("""
            [fleet]
            base = "main"

            [agents.fake]
            command = ["sh", "-c", "echo run=[$FLEET_AGENT_RUN]; exec sleep 600"]

            [[task]]
            name = "api"
            agent = "fake"
            """);
        var first = await TerminalAsync(session, "api");
        var oldRun = RunOf(await ScreenAsync(first, "run=["));
        session.RestartAgent("api", continueSession: false);
        var second = await TerminalAsync(session, "api", not: first);
        var newRun = RunOf(await ScreenAsync(second, "run=["));
        newRun.ShouldNotBe(oldRun);

        // The old agent's hook fires late (as `fleet signal` would write it from inside that agent).
        AgentSignalWriter.Append(repo.CommonDir, new AgentSignal(DateTimeOffset.UtcNow, "api", HookSignal.Waiting, Run: oldRun));
        await Eventually.HoldsAsync(() => Task.FromResult(session.StaleSignals), n => n == 1, "the stale signal dropped", Slow);
        session.Snapshot.FindTask("api")!.Agent.Source.ShouldNotBe(StateSource.Hook);

        AgentSignalWriter.Append(repo.CommonDir, new AgentSignal(DateTimeOffset.UtcNow, "api", HookSignal.Waiting, Run: newRun));
        await AgentAsync(session, "api", a => a is { Activity: AgentActivity.WaitingForInput, Source: StateSource.Hook }, "waiting, from the new agent's hook");
    }

    private static string RunOf(string screen)
    {
        var run = System.Text.RegularExpressions.Regex.Match(screen, @"run=\[([0-9a-f]+)\]").Groups[1].Value;
        run.ShouldNotBeNullOrEmpty();
        return run;
    }

    [Fact]
    public async Task A_task_in_review_gets_its_agent_back_with_the_continue_arguments_when_the_cockpit_opens_again()
    {
        var (first, repo) = await OpenAsync(AgentThatPrintsItsArguments);
        await ScreenAsync(await TerminalAsync(first, "api"), "run-args:[]");
        first.Dispose();
        // The merge queue sent it to review (a conflict) before fleet was closed.
        var statePath = Path.Combine(repo.CommonDir, "fleet", "state.json");
        var state = await File.ReadAllTextAsync(statePath);
        state.ShouldContain("\"phase\": \"active\"");
        await File.WriteAllTextAsync(statePath, state.Replace("\"phase\": \"active\"", "\"phase\": \"review\"", StringComparison.Ordinal));

        var second = new FleetRuntime(new UnixPtyHost(), "/bin/sh");
        _cleanup.Add(second);
        await second.OpenAsync(new FleetSessionOptions
        {
            RepositoryDirectory = repo.Path,
            Config = ConfigLoader.Parse(AgentThatPrintsItsArguments, Path.Combine(repo.Path, "fleet.toml")),
            Git = repo.Git,
        }, CancellationToken.None);
        second.Snapshot.FindTask("api")!.Phase.ShouldBe(TaskPhase.Review);
        second.Start(new Dictionary<string, (int Columns, int Rows)>());

        await ScreenAsync(await TerminalAsync(second, "api"), "run-args:[--continue]");
    }

    [Theory]
    // "last words" comes after the traps: a stop sent as soon as it shows must find them in place (it did not, on a loaded machine).
    [InlineData("echo last words; exec sleep 600", UnixSignal.Interrupt)]
    [InlineData("trap '' INT; echo last words; while :; do sleep 0.2; done", UnixSignal.Terminate)]
    [InlineData("trap '' INT TERM; echo last words; while :; do sleep 0.2; done", UnixSignal.Kill)]
    public async Task Stopping_escalates_from_sigint_to_sigterm_to_sigkill_and_keeps_the_last_screen(string script, int endedBy)
    {
        var (session, _) = await OpenAsync($"[fleet]\nbase = \"main\"\n\n[[task]]\nname = \"api\"\nagent = [\"sh\", \"-c\", \"{script}\"]\n");
        var terminal = await TerminalAsync(session, "api");
        await ScreenAsync(terminal, "last words");

        session.StopAgent("api");

        var agent = await AgentAsync(session, "api", a => a.Activity == AgentActivity.Exited, "api stopped");
        agent.Signal.ShouldBe(endedBy);
        agent.Source.ShouldBe(StateSource.Process);
        ScreenText(terminal).ShouldContain("last words");
        session.TerminalFor("api").ShouldBeSameAs(terminal);
    }

    [Fact]
    public async Task Marking_done_by_hand_sets_the_task_done_and_shows_its_ticket()
    {
        var (session, _) = await OpenAsync("[fleet]\nbase = \"main\"\ncontext = \"docs/solution.md\"\n\n[[task]]\nname = \"api\"\nagent = [\"sh\"]\nticket = \"tickets/api.md\"\n",
            ("docs/solution.md", "The solution.\n"), ("tickets/api.md", "Build the API.\n"));
        var terminal = await TerminalAsync(session, "api");
        terminal.StartError.ShouldBeNull();

        var ticket = session.TicketFor("api").ShouldNotBeNull();
        await session.MarkDoneAsync("api");

        session.Snapshot.FindTask("api")!.Phase.ShouldBe(TaskPhase.Done);
        ticket.Source.ShouldBe("tickets/api.md + context docs/solution.md");
        ticket.Text.ShouldBe("The solution.\n\n---\n\nBuild the API.");
    }

    [Fact]
    public async Task Installs_claude_hooks_in_the_worktrees_own_settings_when_the_user_enabled_them()
    {
        var (session, _) = await OpenAsync("""
            [fleet]
            base = "main"
            agent = "claude"

            [agents.claude]
            command = ["sh", "-c", "echo hooks=$(grep -c fleet-signal .claude/settings.local.json); exec sleep 600"]

            [[task]]
            name = "api"
            """, claudeHooksArgv: ["/opt/fleet/fleet"]);

        var terminal = await TerminalAsync(session, "api");

        await ScreenAsync(terminal, $"hooks={ClaudeHooksInstaller.Events.Count}"); // installed before the start: one per Claude Code event, each marked as ours
        var settings = await File.ReadAllTextAsync(Path.Combine(session.Snapshot.FindTask("api")!.WorktreePath, ".claude", "settings.local.json"));
        settings.ShouldContain("/opt/fleet/fleet");
        settings.ShouldContain("signal waiting --task");
    }

    [Fact]
    public async Task Installs_no_hooks_unless_asked()
    {
        var (session, _) = await OpenAsync("[fleet]\nbase = \"main\"\nagent = \"claude\"\n\n[agents.claude]\ncommand = [\"sh\", \"-c\", \"echo started; exec sleep 600\"]\n\n[[task]]\nname = \"api\"\n");

        await ScreenAsync(await TerminalAsync(session, "api"), "started");

        File.Exists(Path.Combine(session.Snapshot.FindTask("api")!.WorktreePath, ".claude", "settings.local.json")).ShouldBeFalse();
    }

    [Fact]
    public async Task Types_a_stdin_handover_once_the_agent_shows_its_prompt()
    {
        var (session, _) = await OpenAsync("""
            [fleet]
            base = "main"

            [agents.fake]
            command = ["sh", "-c", "printf '> '; read line; echo got=$line; exec sleep 600"]
            handover = "stdin"

            [[task]]
            name = "api"
            agent = "fake"
            prompt = "hello ticket"
            """);

        await ScreenAsync(await TerminalAsync(session, "api"), "got=hello ticket");
    }

    [Fact]
    public async Task Writes_a_file_handover_into_the_worktree_and_names_it_in_fleet_ticket()
    {
        var (session, _) = await OpenAsync("""
            [fleet]
            base = "main"
            context = "docs/solution.md"

            [agents.fake]
            command = ["sh", "-c", "tr '\\n' ' ' < \"$FLEET_TICKET\"; echo; git status --porcelain; echo end-of-status; exec sleep 600"]
            handover = "file"

            [[task]]
            name = "api"
            agent = "fake"
            ticket = "tickets/api.md"
            """, ("docs/solution.md", "Use cents.\n"), ("tickets/api.md", "Build the API.\n"));

        var screen = await ScreenAsync(await TerminalAsync(session, "api"), "end-of-status");

        screen.ShouldContain("Use cents.  ---  Build the API.");
        screen.ShouldNotContain(".fleet"); // the ticket file is excluded from git
    }
}
