using FleetTui.Core.Agents;
using FleetTui.Ui.Presentation;
using FleetTui.Ui.Themes;
using FleetTui.Ui.Views;
using Shouldly;
using Terminal.Gui.Drawing;
using Xunit;
using GuiKey = Terminal.Gui.Input.Key;

namespace FleetTui.Tests.Ui.Cockpit;

/// <summary>Scroll mode: selection, copy of whole (unwrapped) lines, search highlighting, older and newer matches.</summary>
public class FleetAppScrollModeTests
{
    private static readonly GuiKey Prefix = GuiKey.G.WithCtrl;

    private static CockpitHarness OneTask() => new(new FakeCockpitSession(FakeCockpitSession.Task("api"), FakeCockpitSession.Task("web", activity: AgentActivity.Idle)));

    private static void EnterScrollMode(CockpitHarness cockpit)
    {
        cockpit.Press(Prefix);
        cockpit.Press(new GuiKey('['));
        cockpit.Fleet.Mode.ShouldBe(CockpitMode.Scroll);
    }

    private static string Clipboard(CockpitHarness cockpit)
    {
        var text = cockpit.OuterWrites.ToString();
        text.ShouldStartWith("\e]52;c;");
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(text[7..^1]));
    }

    private static global::Terminal.Gui.Drawing.Attribute AttributeAt(CockpitHarness cockpit, int row, int column)
    {
        var pane = cockpit.Fleet.Panes[0].Frame;
        return cockpit.App.Driver!.Contents![pane.Y + 1 + row, pane.X + 1 + column].Attribute!.Value;
    }

    [Fact]
    public void V_starts_a_selection_movement_extends_it_and_y_copies_it_with_wrapped_lines_joined()
    {
        using var cockpit = OneTask();
        var width = cockpit.Fleet.Panes[0].ContentSize.Width;
        var longLine = new string('w', width + 20); // wraps onto a second row
        cockpit.Session.Process("api").Output($"alpha\r\n{longLine}\r\nomega");
        cockpit.Draw();

        EnterScrollMode(cockpit); // the cursor starts on the program's cursor line: omega
        cockpit.Type("kkk");      // up to alpha
        cockpit.Type("v");
        cockpit.Type("jj");       // over both rows of the long line

        var selected = new ChromeAttributes(ThemeLoader.Resolve(null, null, false)).Selected;
        AttributeAt(cockpit, 0, 0).ShouldBe(selected);
        AttributeAt(cockpit, 2, 0).ShouldBe(selected);
        AttributeAt(cockpit, 3, 0).ShouldNotBe(selected, "omega is not selected");

        cockpit.Type("y");
        cockpit.WaitUntil(() => cockpit.Text.Contains("copied 2 lines"));
        Clipboard(cockpit).ShouldBe($"alpha\n{longLine}");
        cockpit.Session.Process("api").InputText.ShouldBeEmpty();
    }

    [Fact]
    public void Without_a_selection_y_copies_the_cursors_line()
    {
        using var cockpit = OneTask();
        cockpit.Session.Process("api").Output("one\r\ntwo\r\nthree");
        cockpit.Draw();

        EnterScrollMode(cockpit);
        cockpit.Type("k");
        cockpit.Type("y");

        cockpit.WaitUntil(() => cockpit.Text.Contains("copied 1 line"));
        Clipboard(cockpit).ShouldBe("two");
    }

    [Fact]
    public void Search_highlights_every_match_in_view_and_n_and_shift_n_go_to_older_and_newer_ones_until_there_are_no_more()
    {
        using var cockpit = OneTask();
        cockpit.Session.Process("api").Output("x1 needle\r\nx2\r\nx3 needle\r\nx4");
        cockpit.Draw();
        EnterScrollMode(cockpit);

        cockpit.Type("/needle");
        cockpit.Press(GuiKey.Enter);
        cockpit.WaitUntil(() => cockpit.Fleet.Panes[0].Highlight?.CursorRow == 2);
        // The match on another row is highlighted in place; the cursor's row is highlighted whole.
        AttributeAt(cockpit, 0, 3).Style.HasFlag(TextStyle.Reverse).ShouldBeTrue();
        AttributeAt(cockpit, 0, 0).Style.HasFlag(TextStyle.Reverse).ShouldBeFalse("x1 is not the match");

        cockpit.Type("n");
        cockpit.WaitUntil(() => cockpit.Fleet.Panes[0].Highlight?.CursorRow == 0);
        cockpit.Type("n");
        cockpit.WaitUntil(() => cockpit.Text.Contains("no more matches for \"needle\" above"));
        cockpit.Fleet.Panes[0].Highlight!.CursorRow.ShouldBe(0);

        cockpit.Press(GuiKey.N.WithShift);
        cockpit.WaitUntil(() => cockpit.Fleet.Panes[0].Highlight?.CursorRow == 2);
        cockpit.Press(GuiKey.N.WithShift);
        cockpit.WaitUntil(() => cockpit.Text.Contains("no more matches for \"needle\" below"));
    }

    [Fact]
    public void Leaving_scroll_mode_clears_its_marks_and_returns_to_the_live_screen()
    {
        using var cockpit = OneTask();
        cockpit.Session.Process("api").Output(string.Join("\r\n", Enumerable.Range(1, 80).Select(i => $"line {i}")));
        cockpit.Draw();
        EnterScrollMode(cockpit);
        cockpit.Press(GuiKey.PageUp);
        cockpit.Fleet.Panes[0].ScrollOffset.ShouldBeGreaterThan(0);

        cockpit.Press(GuiKey.Esc);

        cockpit.Fleet.Mode.ShouldBe(CockpitMode.Normal);
        cockpit.Fleet.Panes[0].ScrollOffset.ShouldBe(0);
        cockpit.Fleet.Panes[0].Highlight.ShouldBeNull();
    }
}
