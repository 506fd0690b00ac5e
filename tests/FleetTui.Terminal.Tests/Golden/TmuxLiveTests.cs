using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Golden;

/// <summary>Re-runs tmux on every fixture now, so a checked-in .text file cannot drift from what tmux really shows.</summary>
public class TmuxLiveTests
{
    [TmuxTheory]
    [MemberData(nameof(GoldenFixture.All), MemberType = typeof(GoldenFixture))]
    public void Tmux_today_shows_what_the_fixture_expects_and_what_we_show(string name)
    {
        var fixture = new GoldenFixture(name);
        using var pane = new TmuxPane();
        var tmux = pane.Capture(fixture.InputPath, GoldenFixture.Columns, GoldenFixture.Rows);
        GoldenTests.Compare(name, tmux, fixture.ReplayRows());
        string.Join('\n', tmux).TrimEnd('\n').ShouldBe(string.Join('\n', fixture.ExpectedRows).TrimEnd('\n'));
    }

    /// <summary>
    /// Resizing after the output: the main screen re-flows (narrower and wider) the way tmux re-flows it.
    /// Explained difference (not listed): narrowing a screen that is only partly used (gitlog's 6 lines at 70 columns),
    /// tmux pushes a few top rows into history even though blank rows remain below; we keep the text on screen and let
    /// the blank rows absorb the growth. Our behaviour is pinned by
    /// <c>ScreenBufferTests.Reflow_of_a_partly_used_screen_keeps_the_text_on_screen</c>.
    /// </summary>
    [TmuxTheory]
    [InlineData("shell", 60, 20)]
    [InlineData("shell", 37, 30)]
    [InlineData("bash", 30, 12)]
    [InlineData("shell", 140, 30)]
    [InlineData("python", 120, 40)]
    public void Resizing_after_replay_matches_tmux(string name, int columns, int rows)
    {
        var fixture = new GoldenFixture(name);
        using var pane = new TmuxPane();
        var tmux = pane.Capture(fixture.InputPath, GoldenFixture.Columns, GoldenFixture.Rows, (columns, rows));
        GoldenTests.Compare($"{name} at {columns}x{rows}", tmux, fixture.ReplayRows((columns, rows)));
    }
}
