using FleetTui.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Demo;

/// <summary>The real <c>fleet demo-agent</c> in a real terminal (tmux): raw-mode keys, titles, resize.</summary>
public sealed class DemoAgentTmuxTests : IDisposable
{
    private readonly IsolatedGit _git = new();

    public void Dispose() => _git.Dispose();

    [Fact]
    public async Task The_agent_waits_for_approval_in_a_terminal_then_commits_on_enter()
    {
        using var repository = await _git.CreateDemoAsync();
        var worktree = await _git.AddWorktreeAsync(repository, "catalog");
        await using var tmux = new TmuxServer();

        await tmux.StartAsync(worktree, _git.Environment, [.. FleetExecutable.Argv(), "demo-agent", "catalog", "--speed", "10"]);

        // The working titles in between are checked through our emulator, which sees every one (DemoAgentEmulationTests):
        // polling tmux for them here could miss a short phase.
        await Eventually.HoldsAsync(tmux.CaptureAsync,
            screen => screen.Contains(DemoAgentView.ApprovalQuestion, StringComparison.Ordinal), "the approval prompt");
        await Eventually.HoldsAsync(tmux.TitleAsync, title => title == "✳ catalog: waiting", "the waiting title");
        (await _git.GitAsync(worktree, "status", "--porcelain")).ShouldBeEmpty();

        await tmux.SendKeysAsync("Enter");

        var screen = await Eventually.HoldsAsync(tmux.CaptureAsync, s => s.Contains("✔ Done.", StringComparison.Ordinal), "Done");
        screen.ShouldContain("● Update(src/catalog.sh)");
        screen.ShouldContain("ok   tests/catalog_test.sh");
        await Eventually.HoldsAsync(tmux.TitleAsync, title => title == "✳ catalog: idle", "the idle title");
        (await _git.GitAsync(worktree, "log", "-1", "--format=%s")).Trim().ShouldBe("catalog: add cheese and coffee");
        (await _git.GitAsync(worktree, "status", "--porcelain")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_idle_agent_echoes_typing_and_redraws_its_box_at_a_new_width()
    {
        using var repository = await _git.CreateDemoAsync();
        var worktree = await _git.AddWorktreeAsync(repository, "docs");
        await using var tmux = new TmuxServer();
        await tmux.StartAsync(worktree, _git.Environment, [.. FleetExecutable.Argv(), "demo-agent", "docs", "--speed", "10", "--auto-approve"], width: 100);
        await Eventually.HoldsAsync(tmux.TitleAsync, title => title == "✳ docs: idle", "the idle title");

        await tmux.SendKeysAsync("-l", "hello fleet");
        await Eventually.HoldsAsync(tmux.CaptureAsync, s => s.Contains("│ > hello fleet", StringComparison.Ordinal), "the echo in the input box");
        await tmux.SendKeysAsync("Enter");
        await Eventually.HoldsAsync(tmux.CaptureAsync, s => s.Contains("I'm the scripted demo agent for docs", StringComparison.Ordinal), "the answer");

        await tmux.ResizeAsync(60, 30);
        var narrow = await Eventually.HoldsAsync(tmux.CaptureAsync, s => s.Contains("╭" + new string('─', 58) + "╮", StringComparison.Ordinal), "the box at 60 columns");
        narrow.ShouldContain("✔ Done. 2 files changed");
    }

    [Fact]
    public async Task Ctrl_c_twice_in_a_terminal_ends_the_agent()
    {
        using var repository = await _git.CreateDemoAsync();
        var worktree = await _git.AddWorktreeAsync(repository, "docs");
        await using var tmux = new TmuxServer();
        await tmux.StartAsync(worktree, _git.Environment, [.. FleetExecutable.Argv(), "demo-agent", "docs", "--speed", "10", "--auto-approve"]);
        await tmux.KeepDeadPanesAsync();
        await Eventually.HoldsAsync(tmux.TitleAsync, title => title == "✳ docs: idle", "the idle title");

        await tmux.SendKeysAsync("C-c");
        await Eventually.HoldsAsync(tmux.CaptureAsync, s => s.Contains(DemoAgentView.ExitHint, StringComparison.Ordinal), "the exit hint");
        // Ctrl+C again; once more only if the agent is still there 1.5 s later (a loaded machine may let the 2 s window pass).
        var status = "";
        for (var attempt = 0; attempt < 10 && !status.StartsWith('1'); attempt++)
        {
            await tmux.SendKeysAsync("C-c");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!(status = await tmux.PaneAsync("#{pane_dead} #{pane_dead_status}")).StartsWith('1') && clock.Elapsed < TimeSpan.FromSeconds(1.5))
                await Task.Delay(50);
        }

        // The exit code is 130 ("1 130"), but about one run in five the .NET runtime dies of the SIGINT it already handled while it shuts
        // down (tmux 3.3 then reports no status; the in-process test checks the code itself). Either way: ended by the second Ctrl+C.
        status.ShouldBeOneOf("1 130", "1");
    }
}
