using FleetTui.Core.Agents;
using FleetTui.Core.Session;
using Shouldly;
using Xunit;
using GuiKey = Terminal.Gui.Input.Key;

namespace FleetTui.Tests.Ui.Cockpit;

/// <summary>Keys after the prefix: Alt+N for the pane's program, an unbound key named, a prefix that times out.</summary>
public class FleetAppPrefixKeysTests
{
    private static readonly GuiKey Prefix = GuiKey.G.WithCtrl;

    private static CockpitHarness TwoTasks() => new(new FakeCockpitSession(
        FakeCockpitSession.Task("api"),
        FakeCockpitSession.Task("web", activity: AgentActivity.WaitingForInput)));

    [Fact]
    public void Prefix_then_alt_and_a_digit_sends_alt_and_the_digit_to_the_focused_pane_instead_of_jumping()
    {
        using var cockpit = TwoTasks();

        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.D3.WithAlt);

        cockpit.Session.Process("api").InputText.ShouldBe("\e3");
        cockpit.Fleet.FocusedIndex.ShouldBe(0);

        // Alt+2 alone still jumps to pane 2.
        cockpit.Press(GuiKey.D2.WithAlt);
        cockpit.Fleet.FocusedIndex.ShouldBe(1);
        cockpit.Session.Process("web").InputText.ShouldBeEmpty();
    }

    [Fact]
    public void An_unbound_key_after_the_prefix_is_named_in_the_status_bar_and_not_typed_into_the_pane()
    {
        using var cockpit = TwoTasks();

        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.Y);

        cockpit.Text.ShouldContain("Ctrl+G y: not bound (Ctrl+G ? for help)");
        cockpit.Session.Process("api").InputText.ShouldBeEmpty();

        // The next key clears the message and goes to the pane as usual.
        cockpit.Press(GuiKey.Y);
        cockpit.Text.ShouldNotContain("not bound");
        cockpit.Session.Process("api").InputText.ShouldBe("y");
    }

    [Fact]
    public void A_prefix_not_followed_by_a_key_within_two_seconds_is_dropped()
    {
        using var cockpit = TwoTasks();

        cockpit.Press(Prefix);
        cockpit.Text.ShouldContain("PREFIX");
        cockpit.Advance(TimeSpan.FromMilliseconds(1900));
        cockpit.Text.ShouldContain("PREFIX");
        cockpit.Advance(TimeSpan.FromMilliseconds(200));

        cockpit.Text.ShouldNotContain("PREFIX");
        cockpit.Press(GuiKey.Z);
        cockpit.Session.Process("api").InputText.ShouldBe("z");
        cockpit.Fleet.EffectiveLayout.ShouldNotBe(FleetTui.Ui.Layouts.LayoutKind.Zoom);
    }

    [Fact]
    public void A_prefix_completed_in_time_still_runs_its_command()
    {
        using var cockpit = TwoTasks();

        cockpit.Press(Prefix);
        cockpit.Advance(TimeSpan.FromMilliseconds(1500));
        cockpit.Press(GuiKey.Z);

        cockpit.Fleet.EffectiveLayout.ShouldBe(FleetTui.Ui.Layouts.LayoutKind.Zoom);
        cockpit.Session.Process("api").InputText.ShouldBeEmpty();
    }
}
