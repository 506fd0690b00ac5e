using System.Threading.Channels;
using FleetTui.Demo;
using FleetTui.Terminal.Emulation;
using FleetTui.Terminal.Screen;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Demo;

/// <summary>The demo agent's bytes through FleetTui's own emulator: what a cockpit pane will show, and the signals it will see.</summary>
public sealed class DemoAgentEmulationTests : IDisposable
{
    private const int Columns = 100;
    private const int Rows = 40;
    private readonly IsolatedGit _git = new();
    private readonly RecordingWriter _output = new();
    private readonly Channel<DemoAgentInput> _input = Channel.CreateUnbounded<DemoAgentInput>();

    public void Dispose() => _git.Dispose();

    private static string ScreenText(VirtualTerminal terminal) =>
        string.Join('\n', Enumerable.Range(0, terminal.Screen.Rows).Select(row => terminal.Screen.GetRowText(row).TrimEnd()));

    [Fact]
    public async Task A_pane_shows_the_approval_prompt_then_the_idle_box_and_sees_the_title_notification_and_bell()
    {
        using var repository = await _git.CreateDemoAsync();
        var worktree = await _git.AddWorktreeAsync(repository, "pricing");
        var agent = new DemoAgent(DemoScripts.For("pricing")!, new DemoWorkspace(worktree, _git.Environment),
            new DemoAgentOptions { Speed = 1000 }, _output, _input.Reader, () => Columns);
        var terminal = new VirtualTerminal(Columns, Rows);
        var titles = new List<string>();
        var notifications = new List<TerminalNotification>();
        var bells = 0;
        terminal.TitleChanged += titles.Add;
        terminal.NotificationRequested += notifications.Add;
        terminal.Bell += () => bells++;
        var run = Task.Run(() => agent.RunAsync());

        await Eventually.ContainsAsync(_output.ToString, DemoAgentView.ApprovalQuestion);
        terminal.Feed(_output.ToString());
        var fed = _output.ToString().Length;

        var waiting = ScreenText(terminal);
        waiting.ShouldContain("│ Do you want to make this edit?");
        waiting.ShouldContain("│ ❯ 1. Yes");
        waiting.ShouldNotContain("esc to interrupt", Case.Sensitive, "the spinner is erased when the prompt appears");
        terminal.Screen.Title.ShouldBe("✳ pricing: waiting");
        titles.ShouldContain("⠋ pricing: working");
        notifications.ShouldContain(n => n.Body.Contains("pricing", StringComparison.Ordinal));
        bells.ShouldBe(1);

        await _input.Writer.WriteAsync(DemoAgentInput.Enter);
        await Eventually.ContainsAsync(_output.ToString, AnsiText.Title("✳ pricing: idle"));
        terminal.Feed(_output.ToString()[fed..]);

        var idle = ScreenText(terminal);
        idle.ShouldContain("✔ Done. 2 files changed");
        idle.ShouldNotContain(DemoAgentView.ApprovalQuestion, Case.Sensitive, "the prompt is erased once answered");
        idle.ShouldNotContain("esc to interrupt");
        idle.Split('\n').Count(line => line.StartsWith("│ > ", StringComparison.Ordinal)).ShouldBe(1, "exactly one input box is left on screen");
        terminal.Screen.Title.ShouldBe("✳ pricing: idle");
        _input.Writer.Complete();
        (await run.WaitAsync(Eventually.DefaultTimeout)).ShouldBe(0);
    }

    [Fact]
    public async Task In_a_pane_shorter_than_the_prompt_the_choices_stay_visible_and_no_debris_reaches_the_scrollback()
    {
        using var repository = await _git.CreateDemoAsync();
        var worktree = await _git.AddWorktreeAsync(repository, "checkout");
        const int columns = 60, rows = 10;
        var agent = new DemoAgent(DemoScripts.For("checkout")!, new DemoWorkspace(worktree, _git.Environment),
            new DemoAgentOptions { Speed = 1000 }, _output, _input.Reader, () => columns, () => rows);
        var terminal = new VirtualTerminal(columns, rows);
        var run = Task.Run(() => agent.RunAsync());

        await Eventually.ContainsAsync(_output.ToString, DemoAgentView.ApprovalQuestion);
        terminal.Feed(_output.ToString());
        var fed = _output.ToString().Length;
        var waiting = ScreenText(terminal);
        waiting.ShouldContain("❯ 1. Yes");
        waiting.ShouldContain(DemoAgentView.ApprovalQuestion);

        await _input.Writer.WriteAsync(DemoAgentInput.Enter);
        await Eventually.ContainsAsync(_output.ToString, AnsiText.Title("✳ checkout: idle"));
        terminal.Feed(_output.ToString()[fed..]);

        var idle = ScreenText(terminal);
        idle.ShouldNotContain(DemoAgentView.ApprovalQuestion);
        idle.ShouldNotContain("1. Yes");
        idle.Split('\n').Count(line => line.StartsWith("│ > ", StringComparison.Ordinal)).ShouldBe(1, idle);
        var history = Enumerable.Range(0, terminal.Screen.Scrollback.Count)
            .Select(i => LineText.Plain(terminal.Screen, terminal.Screen.Scrollback[i])).ToList();
        history.ShouldNotContain(line => line.Contains("│ Edit file", StringComparison.Ordinal), "no piece of the live region is left in the scrollback");
        history.ShouldContain(line => line.Contains("● Update(src/checkout.sh)", StringComparison.Ordinal));
        _input.Writer.Complete();
        (await run.WaitAsync(Eventually.DefaultTimeout)).ShouldBe(0);
    }
}
