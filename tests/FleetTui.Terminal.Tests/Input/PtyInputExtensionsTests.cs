using FleetTui.Terminal.Input;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Input;

public class PtyInputExtensionsTests
{
    [Fact]
    public void A_key_is_written_as_one_encoded_sequence_for_the_current_modes()
    {
        var terminal = new RecordingPtyProcess();

        terminal.SendKey(KeyInput.Special(Key.Up), new InputModes(ApplicationCursor: true));
        terminal.SendKey(KeyInput.Char('c', KeyModifiers.Ctrl), InputModes.Default);

        terminal.Writes.Select(w => Printable.Of(w)).ShouldBe(["\\eOA", "\\x03"]);
    }

    [Fact]
    public void A_paste_is_written_in_one_piece()
    {
        var terminal = new RecordingPtyProcess();

        terminal.SendPaste("line one\nline two", new InputModes(BracketedPaste: true));

        terminal.Writes.Count.ShouldBe(1);
        Printable.Of(terminal.Writes[0]).ShouldBe("\\e[200~line one\\x0aline two\\e[201~");
    }

    [Fact]
    public void Mouse_events_the_program_did_not_ask_for_are_not_written()
    {
        var terminal = new RecordingPtyProcess();
        var click = new MouseEvent(MouseEventKind.Press, MouseButton.Left, 0, 0);

        terminal.SendMouse(click, InputModes.Default).ShouldBeFalse();
        terminal.SendMouse(click, new InputModes(MouseTracking: MouseTracking.Normal, MouseEncoding: MouseEncoding.Sgr)).ShouldBeTrue();

        terminal.Writes.Select(w => Printable.Of(w)).ShouldBe(["\\e[<0;1;1M"]);
    }

    [Fact]
    public void Focus_reports_are_written_only_in_focus_event_mode()
    {
        var terminal = new RecordingPtyProcess();

        terminal.SendFocus(true, InputModes.Default);
        terminal.SendFocus(false, new InputModes(FocusEvents: true));

        terminal.Writes.Select(w => Printable.Of(w)).ShouldBe(["\\e[O"]);
    }
}
