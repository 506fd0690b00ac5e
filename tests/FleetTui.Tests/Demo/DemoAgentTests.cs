using System.Threading.Channels;
using FleetTui.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Demo;

public sealed class DemoAgentTests : IDisposable
{
    private readonly IsolatedGit _git = new();
    private readonly RecordingWriter _output = new();
    private readonly Channel<DemoAgentInput> _input = Channel.CreateUnbounded<DemoAgentInput>();
    private int _width = 100;

    public void Dispose() => _git.Dispose();

    private async Task<(Task<int> Run, string Worktree)> StartAsync(string task, DemoAgentOptions? options = null)
    {
        var repository = await _git.CreateDemoAsync();
        var worktree = await _git.AddWorktreeAsync(repository, task);
        var agent = new DemoAgent(DemoScripts.For(task)!, new DemoWorkspace(worktree, _git.Environment),
            options ?? new DemoAgentOptions { Speed = 1000 }, _output, _input.Reader, () => _width);
        return (Task.Run(() => agent.RunAsync()), worktree);
    }

    [Fact]
    public async Task Works_then_waits_for_approval_then_commits_and_idles()
    {
        var (run, worktree) = await StartAsync("catalog");

        await Eventually.ContainsAsync(_output.ToString, DemoAgentView.ApprovalQuestion);
        var waiting = _output.ToString();
        waiting.ShouldContain(AnsiText.Title("✳ catalog: waiting"));
        waiting.ShouldContain(AnsiText.Notification("catalog: " + DemoAgentView.ApprovalQuestion));
        waiting.ShouldContain("\e]777;notify;FleetTui demo;catalog is waiting for your approval\a");
        waiting.ShouldContain("❯ 1. Yes");
        waiting.ShouldContain(": working\a");
        (await _git.GitAsync(worktree, "status", "--porcelain")).ShouldBeEmpty("nothing is edited before the approval");
        run.IsCompleted.ShouldBeFalse();

        await _input.Writer.WriteAsync(DemoAgentInput.Enter);
        var done = await Eventually.ContainsAsync(_output.ToString, AnsiText.Title("✳ catalog: idle"));

        done.ShouldContain("✔ Done. 2 files changed");
        done.IndexOf(": working\a", StringComparison.Ordinal).ShouldBeLessThan(done.IndexOf(": waiting\a", StringComparison.Ordinal));
        done.LastIndexOf(": working\a", StringComparison.Ordinal).ShouldBeLessThan(done.IndexOf(": idle\a", StringComparison.Ordinal));
        (await _git.GitAsync(worktree, "log", "-1", "--format=%s")).Trim().ShouldBe("catalog: add cheese and coffee");
        run.IsCompleted.ShouldBeFalse("a real agent stays open when it is done");

        _input.Writer.Complete();
        (await run.WaitAsync(Eventually.DefaultTimeout)).ShouldBe(0);
        _output.ToString().ShouldEndWith(AnsiText.ShowCursor);
    }

    [Fact]
    public async Task Pricing_answers_review_comments_by_rounding_vat_and_committing_again()
    {
        var (run, worktree) = await StartAsync("pricing", new DemoAgentOptions { Speed = 1000, AutoApprove = true });
        await Eventually.ContainsAsync(_output.ToString, AnsiText.Title("✳ pricing: idle"));
        var idleFrames = _output.ToString().Length;

        foreach (var c in "Review comments:- src/pricing.sh:2: VAT rounds down")
            await _input.Writer.WriteAsync(DemoAgentInput.Press(c));
        await _input.Writer.WriteAsync(DemoAgentInput.Enter);

        await Eventually.HoldsAsync(() => Task.FromResult(_output.ToString()[idleFrames..]), text => text.Contains("✔ Review addressed and committed.") && text.Contains(AnsiText.Title("✳ pricing: idle")), "the fix committed");
        (await _git.GitAsync(worktree, "log", "-1", "--format=%s")).Trim().ShouldBe("pricing: round VAT to the nearest cent");
        (await _git.GitAsync(worktree, "status", "--porcelain")).ShouldBeEmpty();
        (await _git.GitAsync(worktree, "show", "HEAD:tests/vat_test.sh")).ShouldContain("VAT rounds to the nearest cent");
        _input.Writer.Complete();
        (await run.WaitAsync(Eventually.DefaultTimeout)).ShouldBe(0);
    }

    [Fact]
    public async Task Draws_in_synchronized_frames_erasing_its_live_lines_one_by_one_in_true_color()
    {
        var (run, _) = await StartAsync("docs", new DemoAgentOptions { Speed = 1000, AutoApprove = true, ExitWhenDone = true });

        (await run.WaitAsync(Eventually.DefaultTimeout)).ShouldBe(0);

        var output = _output.ToString();
        output.ShouldStartWith(AnsiText.HideCursor);
        output.ShouldContain(AnsiText.BeginSynchronizedUpdate + AnsiText.EraseLine + AnsiText.CursorUp + AnsiText.EraseLine);
        output.ShouldContain(AnsiText.EndSynchronizedUpdate);
        output.ShouldContain("\e[38;2;");
        output.ShouldContain("\e[48;2;34;92;43m");
        output.ShouldContain(" tokens · esc to interrupt)");
    }

    [Fact]
    public async Task Exits_when_done_if_asked_and_approves_by_itself_when_unattended()
    {
        var (run, worktree) = await StartAsync("pricing", new DemoAgentOptions { Speed = 1000, AutoApprove = true, ExitWhenDone = true });

        (await run.WaitAsync(Eventually.DefaultTimeout)).ShouldBe(0);

        _output.ToString().ShouldContain(DemoAgentView.ApprovalQuestion);
        (await _git.GitAsync(worktree, "log", "-1", "--format=%s")).Trim().ShouldBe("pricing: add VAT_PERCENT on top of catalog prices");
    }

    [Fact]
    public async Task A_rejected_edit_waits_for_instructions_before_going_on()
    {
        var (run, worktree) = await StartAsync("discounts", new DemoAgentOptions { Speed = 1000, ExitWhenDone = true });
        await Eventually.ContainsAsync(_output.ToString, DemoAgentView.ApprovalQuestion);

        await _input.Writer.WriteAsync(DemoAgentInput.Press('2'));
        await Eventually.ContainsAsync(_output.ToString, "User rejected update to src/pricing.sh");
        foreach (var c in "go on")
            await _input.Writer.WriteAsync(DemoAgentInput.Press(c));
        await Eventually.ContainsAsync(_output.ToString, "> go on");
        run.IsCompleted.ShouldBeFalse();
        await _input.Writer.WriteAsync(DemoAgentInput.Enter);

        (await run.WaitAsync(Eventually.DefaultTimeout)).ShouldBe(0);
        (await _git.GitAsync(worktree, "log", "-1", "--format=%s")).Trim().ShouldBe("discounts: MEMBER_DISCOUNT percent off for members");
    }

    [Fact]
    public async Task Arrow_keys_move_the_choice_and_enter_takes_it()
    {
        var (run, _) = await StartAsync("docs");
        await Eventually.ContainsAsync(_output.ToString, DemoAgentView.ApprovalQuestion);

        await _input.Writer.WriteAsync(DemoAgentInput.Press('\0', ConsoleKey.DownArrow));
        await Eventually.ContainsAsync(_output.ToString, "❯ 2. No");
        await _input.Writer.WriteAsync(DemoAgentInput.Enter);

        await Eventually.ContainsAsync(_output.ToString, "User rejected update to README.md");
        _input.Writer.Complete();
        await run.WaitAsync(Eventually.DefaultTimeout);
    }

    [Fact]
    public async Task Redraws_everything_at_the_new_width_after_a_resize()
    {
        var (run, _) = await StartAsync("docs", new DemoAgentOptions { Speed = 1000, AutoApprove = true });
        await Eventually.ContainsAsync(_output.ToString, AnsiText.Title("✳ docs: idle"));
        var before = _output.ToString().Length;

        _width = 50;
        await _input.Writer.WriteAsync(new DemoAgentInput.Resized());
        var after = await Eventually.ContainsAsync(() => _output.ToString()[before..], AnsiText.ClearScreenAndScrollback);

        after.ShouldContain("╭" + new string('─', 48) + "╮");
        after.ShouldContain("✔ Done. 2 files changed", Case.Sensitive, "the transcript is written again");
        _input.Writer.Complete();
        await run.WaitAsync(Eventually.DefaultTimeout);
    }

    [Fact]
    public async Task Answers_a_line_typed_at_the_idle_prompt()
    {
        var (run, _) = await StartAsync("docs", new DemoAgentOptions { Speed = 1000, AutoApprove = true });
        await Eventually.ContainsAsync(_output.ToString, AnsiText.Title("✳ docs: idle"));

        foreach (var c in "hello")
            await _input.Writer.WriteAsync(DemoAgentInput.Press(c));
        await _input.Writer.WriteAsync(DemoAgentInput.Enter);

        await Eventually.ContainsAsync(_output.ToString, "I'm the scripted demo agent for docs");
        _input.Writer.Complete();
        (await run.WaitAsync(Eventually.DefaultTimeout)).ShouldBe(0);
    }

    [Fact]
    public async Task Ctrl_c_once_shows_a_hint_and_twice_ends_the_agent_with_130()
    {
        var (run, _) = await StartAsync("docs", new DemoAgentOptions { Speed = 1000, AutoApprove = true });
        await Eventually.ContainsAsync(_output.ToString, AnsiText.Title("✳ docs: idle"));

        await _input.Writer.WriteAsync(new DemoAgentInput.Interrupted());
        await Eventually.ContainsAsync(_output.ToString, DemoAgentView.ExitHint);
        run.IsCompleted.ShouldBeFalse();
        await _input.Writer.WriteAsync(new DemoAgentInput.Interrupted());

        (await run.WaitAsync(Eventually.DefaultTimeout)).ShouldBe(DemoAgent.InterruptedExitCode);
        _output.ToString().ShouldEndWith(AnsiText.ShowCursor);
    }
}
