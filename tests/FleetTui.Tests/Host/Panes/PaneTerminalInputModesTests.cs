using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Panes;
using FleetTui.Terminal.Input;
using FleetTui.Ui.Panes;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Panes;

public class PaneTerminalInputModesTests
{
    [Theory]
    [InlineData(1005, MouseEncoding.Utf8)]
    [InlineData(1006, MouseEncoding.Sgr)]
    [InlineData(1015, MouseEncoding.Urxvt)]
    [InlineData(1016, MouseEncoding.SgrPixels)]
    public void Every_mouse_encoding_a_program_can_ask_for_reaches_the_encoder(int mode, MouseEncoding expected)
    {
        using var pane = new PaneTerminal(80, 24);

        pane.Terminal.Feed($"\u001b[?1000h\u001b[?{mode}h");

        pane.InputModes.MouseEncoding.ShouldBe(expected);
        pane.InputModes.MouseTracking.ShouldBe(MouseTracking.Normal);
    }

    [Fact]
    public void Turning_the_encoding_off_returns_to_the_default()
    {
        using var pane = new PaneTerminal(80, 24);

        pane.Terminal.Feed("\u001b[?1015h\u001b[?1015l");

        pane.InputModes.MouseEncoding.ShouldBe(MouseEncoding.Default);
    }
}
