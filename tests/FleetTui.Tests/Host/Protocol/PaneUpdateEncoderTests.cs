using FleetTui.Host.Panes;
using FleetTui.Host.Protocol;
using FleetTui.Host.Protocol.Screens;
using FleetTui.Terminal.Pty;
using FleetTui.Tests.Ui.Cockpit;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Protocol;

/// <summary>The host's side of a pane on the wire and the client's copy of it, through the real codec.</summary>
public sealed class PaneUpdateEncoderTests : IDisposable
{
    private readonly FakePtyHost _pty = new();
    private readonly PaneTerminal _terminal = new(20, 4);
    private readonly PaneUpdateEncoder _encoder = new();
    private readonly Dictionary<string, PaneMirror> _mirrors = [];

    public PaneUpdateEncoderTests() => _terminal.Start(_pty, new PtySpawnOptions("sh"));

    public void Dispose() => _terminal.Dispose();

    private FakePtyProcess Program => _pty.Started.Single();

    /// <summary>One frame for the pane; returns whether the encoder had anything to send.</summary>
    private bool Send(PaneTerminal? terminal, int offset = 0)
    {
        var frame = new WireWriter();
        frame.U16(1);
        if (!_encoder.Encode("api", terminal, offset, frame))
            return false;
        ScreenFrameReader.Apply(frame.WrittenSpan, (task, create) =>
            _mirrors.TryGetValue(task, out var mirror) ? mirror : create ? _mirrors[task] = new PaneMirror(task) : null);
        return true;
    }

    private string Text => string.Join("\n", Enumerable.Range(0, _mirrors["api"].Rows).Select(_mirrors["api"].RowText));

    [Fact]
    public void Sends_the_screen_then_only_what_changed_and_nothing_when_nothing_did()
    {
        Program.Output("one\r\ntwo");
        Send(_terminal).ShouldBeTrue();
        Text.ShouldBe("one\ntwo\n\n");

        Send(_terminal).ShouldBeFalse();

        Program.Output("\r\n\e[1;31mthree\e[0m 中e\u0301");
        Send(_terminal).ShouldBeTrue();
        Text.ShouldBe("one\ntwo\nthree 中e\u0301\n");
        var red = _mirrors["api"].Row(2)[0].Style;
        red.Foreground.Index.ShouldBe(1);
        red.Has(FleetTui.Terminal.Screen.CellFlags.Bold).ShouldBeTrue();
    }

    [Fact]
    public void A_task_that_lost_its_terminal_is_gone_for_the_client()
    {
        Program.Output("hello");
        Send(_terminal).ShouldBeTrue();

        Send(null).ShouldBeTrue();

        _mirrors["api"].IsGone.ShouldBeTrue();
        Send(null).ShouldBeFalse();
    }

    [Fact]
    public void A_new_terminal_for_the_task_resets_the_clients_copy()
    {
        Program.Output("old agent");
        Send(_terminal);
        using var restarted = new PaneTerminal(20, 4);
        restarted.Start(_pty, new PtySpawnOptions("sh"));
        _pty.Started[^1].Output("new agent");

        Send(restarted).ShouldBeTrue();

        Text.ShouldBe("new agent\n\n\n");
    }

    [Fact]
    public void Scrolling_back_sends_history_rows_and_the_offset_applied()
    {
        Program.Output(string.Join("\r\n", Enumerable.Range(1, 10).Select(i => $"line {i}")));
        Send(_terminal);

        Send(_terminal, offset: 3).ShouldBeTrue();

        _mirrors["api"].ScrollOffset.ShouldBe(3);
        Text.ShouldBe("line 4\nline 5\nline 6\nline 7");
        _mirrors["api"].CursorVisible.ShouldBeFalse();
        Send(_terminal, offset: 999).ShouldBeTrue();
        _mirrors["api"].ScrollOffset.ShouldBe(6, "clamped to the history there is");
    }
}
