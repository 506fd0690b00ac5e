using FleetTui.Core.Agents;
using FleetTui.Core.Session;
using Shouldly;
using Xunit;
using GuiKey = Terminal.Gui.Input.Key;

namespace FleetTui.Tests.Ui.Cockpit;

/// <summary>
/// Pane rows are written straight into the driver's cells (issue 17, DriverCells): they must respect Terminal.Gui's
/// clip as its AddStr does, so an overlay drawn over the panes stays whole while output arrives beneath it.
/// </summary>
public class PaneDrawingClipTests
{
    private static readonly GuiKey Prefix = GuiKey.G.WithCtrl;

    [Fact]
    public void Output_under_the_help_overlay_never_paints_over_it_and_shows_once_it_closes()
    {
        using var cockpit = new CockpitHarness(new FakeCockpitSession(
            FakeCockpitSession.Task("api"),
            FakeCockpitSession.Task("web", activity: AgentActivity.WaitingForInput),
            FakeCockpitSession.Task("docs", TaskPhase.Blocked, AgentActivity.NotStarted, "api")), 120, 30);
        cockpit.Press(Prefix);
        cockpit.Press(new GuiKey('?'));
        cockpit.Text.ShouldContain("Zoom the focused pane");

        var api = cockpit.Session.Process("api");
        api.Output(string.Concat(Enumerable.Range(0, 40).Select(i => $"\r\n{new string('#', 200)}")));
        cockpit.Draw();

        cockpit.Text.ShouldContain("Zoom the focused pane");
        var help = cockpit.Lines().First(line => line.Contains("Zoom the focused pane", StringComparison.Ordinal));
        help.ShouldNotContain("#####Zoom");
        cockpit.Press(GuiKey.Q);
        cockpit.Text.ShouldNotContain("Zoom the focused pane");
        var pane = cockpit.Fleet.Panes[0].Frame;
        cockpit.Lines()[pane.Y + 2][(pane.X + 1)..(pane.Right - 1)].ShouldBe(new string('#', pane.Width - 2));
    }
}
