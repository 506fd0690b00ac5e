using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Cockpit;

/// <summary>
/// Output pacing against the echo of typed keys, on a clock that never moves: a flooding pane is redrawn at most once a
/// flood interval, which a frozen clock never reaches; the echo of a key must show at once, every time.
/// </summary>
public sealed class FleetAppEchoPacingTests
{
    private sealed class FrozenClock : TimeProvider
    {
        public override long GetTimestamp() => 1_000_000;
    }

    private static CockpitHarness PacedCockpit() =>
        new(new FakeCockpitSession(FakeCockpitSession.Task("api")), clock: new FrozenClock(), paceFloodingPanes: true);

    [Fact]
    public void The_echo_of_typed_keys_is_drawn_at_once_even_within_a_flood_interval()
    {
        using var cockpit = PacedCockpit();
        cockpit.Session.Process("api").Output("$ ");
        cockpit.Draw();

        // A word, then the Ctrl+U that erases it: two echoes within one flood interval (as scripts/bench-tui-flood-echo.sh types).
        cockpit.Type("w");
        cockpit.Session.Process("api").Output("word");
        cockpit.Draw();
        cockpit.Text.ShouldContain("$ word");
        cockpit.Press(new global::Terminal.Gui.Input.Key('u').WithCtrl);
        cockpit.Session.Process("api").Output("\b\b\b\b    \b\b\b\bnext");
        cockpit.Draw();

        cockpit.Text.ShouldContain("$ next");
    }
}
