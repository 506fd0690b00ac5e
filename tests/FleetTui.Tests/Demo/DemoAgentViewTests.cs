using System.Text.RegularExpressions;
using FleetTui.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Demo;

public partial class DemoAgentViewTests
{
    [GeneratedRegex("\e\\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Sgr();

    private static string Plain(string line) => Sgr().Replace(line, "");

    [Theory]
    [InlineData(20)]
    [InlineData(80)]
    [InlineData(137)]
    public void The_input_box_spans_exactly_the_terminal_width(int width)
    {
        var box = DemoAgentView.InputBox("fix the tests", width);

        box.Take(3).Select(line => Plain(line).Length).ShouldAllBe(length => length == width);
        Plain(box[1]).ShouldStartWith("│ > fix the tests ");
        Plain(box[3]).ShouldBe("  ? for shortcuts");
    }

    [Fact]
    public void A_long_line_in_the_input_box_is_cut_not_wrapped()
    {
        var box = DemoAgentView.InputBox(new string('x', 200), 40);

        Plain(box[1]).Length.ShouldBe(40);
        Plain(box[1]).ShouldContain("…");
    }

    [Fact]
    public void The_spinner_line_reads_like_claude_codes()
    {
        Plain(DemoAgentView.Spinner(4, "Thinking", 12, 340, 120)).ShouldBe("✻ Thinking… (12s · 340 tokens · esc to interrupt)");
    }

    [Fact]
    public void The_approval_box_shows_the_diff_the_question_and_the_selected_choice()
    {
        var preview = new DemoEditOutcome("src/pricing.sh", 5, ["  echo \"$base\""], ["  echo $((base))"], AlreadyApplied: false);

        var yes = DemoAgentView.ApprovalBox(preview, yesSelected: true, 60).Select(Plain).ToList();
        var no = DemoAgentView.ApprovalBox(preview, yesSelected: false, 60).Select(Plain).ToList();

        yes.ShouldAllBe(line => line.Length == 60);
        yes.ShouldContain(line => line.Contains("   5 -  echo \"$base\""));
        yes.ShouldContain(line => line.Contains("   5 +  echo $((base))"));
        yes.ShouldContain(line => line.Contains(DemoAgentView.ApprovalQuestion));
        yes.ShouldContain(line => line.Contains("❯ 1. Yes"));
        no.ShouldContain(line => line.Contains("❯ 2. No"));
        no.ShouldNotContain(line => line.Contains("❯ 1. Yes"));
    }

    [Fact]
    public void The_title_says_the_task_and_its_state()
    {
        DemoAgentView.WorkingTitle("catalog", 0).ShouldBe("⠋ catalog: working");
        DemoAgentView.WorkingTitle("catalog", 1).ShouldBe("⠙ catalog: working");
        DemoAgentView.WaitingTitle("catalog").ShouldBe("✳ catalog: waiting");
        DemoAgentView.IdleTitle("catalog").ShouldBe("✳ catalog: idle");
    }
}
