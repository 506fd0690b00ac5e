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
}
