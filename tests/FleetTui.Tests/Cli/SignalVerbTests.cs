using System.Diagnostics;
using FleetTui.Cli;
using FleetTui.Core.Agents;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli;

public sealed class SignalVerbTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fleet-signal-").FullName;

    public SignalVerbTests()
    {
        Repo = Path.Combine(_root, "repo");
        Directory.CreateDirectory(Repo);
        RunGit(Repo, "init", "--quiet");
    }

    private string Repo { get; }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static void RunGit(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var process = Process.Start(start)!;
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = FleetCommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string CommonDir => Path.Combine(Repo, ".git");

    [Fact]
    public void Appends_the_state_to_the_tasks_signal_file()
    {
        Run("signal", "waiting", "--task", "cart", "--message", "approve the edit", "--repo", Repo).Code.ShouldBe(ExitCodes.Ok);
        Run("signal", "done", "--task", "cart", "--repo", Repo).Code.ShouldBe(ExitCodes.Ok);
        var signals = AgentSignalInbox.ForTask(CommonDir, "cart").PollSignals();
        signals.Select(s => s.State).ShouldBe([HookSignal.Waiting, HookSignal.Done]);
        signals[0].Message.ShouldBe("approve the edit");
        signals[0].Time.ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void From_a_linked_worktree_writes_to_the_common_git_dir()
    {
        File.WriteAllText(Path.Combine(Repo, "a.txt"), "a");
        RunGit(Repo, "add", "a.txt");
        RunGit(Repo, "-c", "user.name=t", "-c", "user.email=t@e.invalid", "commit", "--quiet", "-m", "one");
        var worktree = Path.Combine(_root, "wt");
        RunGit(Repo, "worktree", "add", "--quiet", "-b", "fleet/cart", worktree);
        Run("signal", "working", "--task", "cart", "--repo", Path.Combine(worktree)).Code.ShouldBe(ExitCodes.Ok);
        AgentSignalInbox.ForTask(CommonDir, "cart").Poll().Single().Signal.ShouldBe(HookSignal.Working);
    }

    [Fact]
    public void Rejects_an_unknown_state()
    {
        var (code, _, error) = Run("signal", "sleeping", "--task", "cart", "--repo", Repo);
        code.ShouldNotBe(ExitCodes.Ok);
        error.ShouldContain("sleeping");
    }

    [Fact]
    public void Rejects_a_task_name_that_could_escape_the_signals_folder()
    {
        var (code, _, error) = Run("signal", "idle", "--task", "../../evil", "--repo", Repo);
        code.ShouldBe(ExitCodes.Usage);
        error.ShouldContain("invalid task name '../../evil'");
        Directory.Exists(Path.Combine(CommonDir, "fleet")).ShouldBeFalse();
    }

    [Fact]
    public void Outside_a_repository_says_so()
    {
        var (code, _, error) = Run("signal", "idle", "--task", "cart", "--repo", _root);
        code.ShouldBe(ExitCodes.NoRepository);
        error.ShouldContain("not inside a git repository");
    }

    [Fact]
    public void The_real_executable_takes_the_task_and_repository_from_the_agents_environment()
    {
        // Run as an agent's hook would: a child process with FLEET_TASK / FLEET_REPO and an unrelated working directory.
        var fleetDll = Path.Combine(AppContext.BaseDirectory, "fleet.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _root, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { fleetDll, "signal", "idle", "--message", "from env" })
            start.ArgumentList.Add(arg);
        start.Environment["FLEET_TASK"] = "search";
        start.Environment["FLEET_REPO"] = Repo;
        using var process = Process.Start(start)!;
        process.WaitForExit(60_000).ShouldBeTrue();
        process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
        AgentSignalInbox.ForTask(CommonDir, "search").PollSignals().Single().Message.ShouldBe("from env");
    }

    [Fact]
    public void Carries_the_hook_event_and_accepts_started_from_a_session_start_hook()
    {
        Run("signal", "started", "--task", "cart", "--event", "SessionStart", "--repo", Repo).Code.ShouldBe(ExitCodes.Ok);
        var signal = AgentSignalInbox.ForTask(CommonDir, "cart").PollSignals().Single();
        signal.State.ShouldBe(HookSignal.Started);
        signal.Event.ShouldBe("SessionStart");
    }

    [Fact]
    public void Takes_Codexs_notify_payload_and_drops_its_title_side_turn()
    {
        const string side = """{"type":"agent-turn-complete","input-messages":["Generate a concise, single-line task title of at most 36 characters"],"last-assistant-message":"Fix cart"}""";
        const string real = """{"type":"agent-turn-complete","input-messages":["fix the cart"],"last-assistant-message":"Done."}""";
        Run("signal", "idle", "--task", "cart", "--event", CodexHooks.TurnComplete, "--repo", Repo, side).Code.ShouldBe(ExitCodes.Ok);
        Run("signal", "idle", "--task", "cart", "--event", CodexHooks.TurnComplete, "--repo", Repo, real).Code.ShouldBe(ExitCodes.Ok);
        var signals = AgentSignalInbox.ForTask(CommonDir, "cart").PollSignals();
        signals.Count.ShouldBe(1);
        signals[0].Event.ShouldBe(CodexHooks.TurnComplete);
    }
}
