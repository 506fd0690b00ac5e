using FleetTui.Core.Agents;
using FleetTui.Core.Session;
using FleetTui.Ui.Themes;
using Shouldly;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Xunit;
using GuiKey = Terminal.Gui.Input.Key;

namespace FleetTui.Tests.Ui.Cockpit;

/// <summary>The chrome in any terminal: NO_COLOR, a non-UTF-8 locale, small screens, the mouse.</summary>
public class FleetAppChromeTests
{
    private static readonly GuiKey Prefix = GuiKey.G.WithCtrl;

    private static FakeCockpitSession ThreeTasks() => new(
        FakeCockpitSession.Task("api"),
        FakeCockpitSession.Task("web", activity: AgentActivity.WaitingForInput),
        FakeCockpitSession.Task("docs", TaskPhase.Blocked, AgentActivity.NotStarted, "api"));

    [Fact]
    public void Under_no_color_a_pane_keeps_its_programs_colours_but_paints_no_background_of_its_own()
    {
        using var cockpit = new CockpitHarness(ThreeTasks(), theme: ThemeLoader.Resolve(null, null, noColor: true));

        cockpit.Session.Process("api").Output("plain \e[31mred\e[0m \e[44mblue\e[0m");
        cockpit.Draw();

        var pane = cockpit.Fleet.Panes[0].Frame;
        var contents = cockpit.App.Driver!.Contents!;
        Attribute At(int column) => contents[pane.Y + 1, pane.X + 1 + column].Attribute!.Value; // after the separator
        At(0).Background.ShouldBe(Color.None, "plain text: the terminal's own background");
        At(0).Foreground.ShouldBe(Color.None);
        At(6).Foreground.ShouldNotBe(Color.None, "red is the program's content");
        At(6).Background.ShouldBe(Color.None);
        At(10).Background.ShouldNotBe(Color.None, "a background the program asked for");
        // The empty rest of the pane too.
        contents[pane.Y + 5, pane.X + 20].Attribute!.Value.Background.ShouldBe(Color.None);
    }

    [Fact]
    public void With_colours_the_pane_background_is_the_themes()
    {
        using var cockpit = new CockpitHarness(ThreeTasks());
        cockpit.Session.Process("api").Output("plain");
        cockpit.Draw();

        var pane = cockpit.Fleet.Panes[0].Frame;
        cockpit.App.Driver!.Contents![pane.Y + 1, pane.X + 1].Attribute!.Value.Background.ShouldBe(new Color(0x15, 0x17, 0x1c));
    }

    [Fact]
    public void Outside_a_utf8_locale_the_chrome_is_ascii_frames_and_marks_included()
    {
        var theme = ThemeLoader.Resolve(null, null, noColor: false) with { AsciiChrome = true };
        using var cockpit = new CockpitHarness(ThreeTasks(), theme: theme);
        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.B); // the sidebar goes: panes side by side, separated
        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.B);

        var text = cockpit.Text;
        text.ShouldContain("1 api - fleet/api - working");
        text.ShouldContain("NORMAL | api");
        text.ShouldContain("Tasks (3) - main");
        text.Where(c => c >= 0x80).ShouldBeEmpty($"non-ASCII in:\n{text}");
        cockpit.Lines().Skip(2).Take(5).ShouldContain(l => l.Contains('|'), "the pane separator");
    }

    [Theory]
    [InlineData(40, 12)]
    [InlineData(60, 20)]
    public void The_help_fits_a_small_screen_cut_with_an_ellipsis_and_bordered_by_blank_columns(int width, int height)
    {
        using var cockpit = new CockpitHarness(ThreeTasks(), width, height);
        cockpit.Session.Process("api").Output(string.Concat(Enumerable.Repeat(new string('X', 200) + "\r\n", 30)));
        cockpit.Session.Process("web").Output(string.Concat(Enumerable.Repeat(new string('X', 200) + "\r\n", 30)));

        cockpit.Press(Prefix);
        cockpit.Press(new GuiKey('?'));

        cockpit.Fleet.IsOverlayVisible.ShouldBeTrue();
        var lines = cockpit.Lines();
        var helpRows = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains("FleetTui keys") || x.l.Contains("Zoom")).ToList();
        helpRows.ShouldNotBeEmpty(cockpit.Text);
        lines.ShouldContain(l => l.Contains('…'), "long lines are cut with an ellipsis");
        lines.Count.ShouldBe(height);
        lines.ShouldAllBe(l => l.Length <= width);
        // The overlay's own rows: no pane text (the X flood) touches its text on either side.
        var overlay = OverlayFrame(cockpit);
        for (var row = overlay.Y; row < overlay.Bottom; row++)
        {
            var line = lines[row].PadRight(width);
            line[overlay.X..overlay.Right].Contains('X').ShouldBeFalse($"row {row}:\n{cockpit.Text}");
            line[overlay.Right - 1].ShouldBe(' ', $"row {row} ends in a blank column:\n{cockpit.Text}");
        }
    }

    private static System.Drawing.Rectangle OverlayFrame(CockpitHarness cockpit) =>
        cockpit.Fleet.Root.SubViews.Last(v => v.Visible && v is FleetTui.Ui.Views.StyledLinesView).Frame;

    [Fact]
    public void Clicking_a_tasks_rows_in_the_sidebar_focuses_its_pane()
    {
        using var cockpit = new CockpitHarness(ThreeTasks());
        var lines = cockpit.Lines();
        var webRow = lines.Select((l, i) => (l, i)).First(x => x.l.Contains("!2 web")).i;

        cockpit.Click(3, webRow);
        cockpit.Fleet.FocusedIndex.ShouldBe(1);
        cockpit.Text.ShouldContain("NORMAL │ web");

        // Its second row (ahead/behind, via …) counts too.
        var apiRow = lines.Select((l, i) => (l, i)).First(x => x.l.Contains(" 1 api")).i;
        cockpit.Click(3, apiRow + 1);
        cockpit.Fleet.FocusedIndex.ShouldBe(0);
    }
}
