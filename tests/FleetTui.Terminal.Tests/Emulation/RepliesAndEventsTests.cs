using FleetTui.Terminal.Emulation;
using FleetTui.Terminal.Screen;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Emulation;

public class RepliesAndEventsTests
{
    [Fact]
    public void Device_attributes_and_status_reports_are_answered()
    {
        new TestTerminal().Feed("\e[c").Replies.ShouldBe("\e[?62;22c");
        new TestTerminal().Feed("\e[>c").Replies.ShouldBe("\e[>1;10;0c");
        new TestTerminal().Feed("\e[5n").Replies.ShouldBe("\e[0n");
        new TestTerminal().Feed("\e[2;3H\e[6n").Replies.ShouldBe("\e[2;3R");
        new TestTerminal().Feed("\e[>q").Replies.ShouldBe("\eP>|FleetTui(0.1)\e\\");
        new TestTerminal(10, 4).Feed("\e[18t").Replies.ShouldBe("\e[8;4;10t");
    }

    [Fact]
    public void Decrqm_reports_mode_states()
    {
        new TestTerminal().Feed("\e[?2026$p").Replies.ShouldBe("\e[?2026;2$y");
        new TestTerminal().Feed("\e[?2004h\e[?2004$p").Replies.ShouldBe("\e[?2004;1$y");
        new TestTerminal().Feed("\e[?7$p").Replies.ShouldBe("\e[?7;1$y");
        new TestTerminal().Feed("\e[?4242$p").Replies.ShouldBe("\e[?4242;0$y");
        new TestTerminal().Feed("\e[4$p").Replies.ShouldBe("\e[4;2$y");
    }

    [Fact]
    public void Kitty_keyboard_flags_are_pushed_queried_and_popped()
    {
        var t = new TestTerminal().Feed("\e[?u\e[>1u\e[?u\e[=3;2u\e[?u\e[<u\e[?u");
        t.Replies.ShouldBe("\e[?0u\e[?1u\e[?3u\e[?0u");
    }

    [Fact]
    public void Decrqss_reports_sgr_and_margins()
    {
        new TestTerminal().Feed("\e[1;38;5;100m\eP$qm\e\\").Replies.ShouldBe("\eP1$r0;1;38;5;100m\e\\");
        new TestTerminal(10, 4).Feed("\e[2;3r\eP$qr\e\\").Replies.ShouldBe("\eP1$r2;3r\e\\");
        new TestTerminal().Feed("\e[5 q\eP$q q\e\\").Replies.ShouldBe("\eP1$r5 q\e\\");
        new TestTerminal().Feed("\eP$qzz\e\\").Replies.ShouldBe("\eP0$r\e\\");
    }

    [Fact]
    public void Color_queries_are_answered_from_the_palette()
    {
        var t = new TestTerminal();
        t.Terminal.Palette.Background = TerminalColor.Rgb(0x12, 0x34, 0x56);
        t.Feed("\e]11;?\a\e]4;1;?\e\\");
        t.Replies.ShouldBe("\e]11;rgb:1212/3434/5656\e\\\e]4;1;rgb:cdcd/0000/0000\e\\");
    }

    [Fact]
    public void Titles_working_directory_notifications_and_bell_raise_events()
    {
        var t = new TestTerminal();
        var seen = new List<string>();
        t.Terminal.TitleChanged += title => seen.Add("title " + title);
        t.Terminal.WorkingDirectoryChanged += cwd => seen.Add("cwd " + cwd);
        t.Terminal.NotificationRequested += n => seen.Add($"notify {n.Title}/{n.Body}");
        t.Terminal.Bell += () => seen.Add("bell");
        t.Feed("\e]2;hello\a\e]7;file://host/tmp\a\e]9;done\a\e]777;notify;Build;ok\a\a\e]9;4;1;50\a");
        seen.ShouldBe(["title hello", "cwd file://host/tmp", "notify /done", "notify Build/ok", "bell"]);
        t.Screen.Title.ShouldBe("hello");
    }

    [Fact]
    public void Clipboard_sets_and_queries_are_surfaced_as_events()
    {
        var t = new TestTerminal();
        var requests = new List<ClipboardRequest>();
        t.Terminal.ClipboardRequested += requests.Add;
        t.Feed("\e]52;c;aGVsbG8=\a\e]52;c;?\a");
        requests.ShouldBe([new ClipboardRequest("c", "hello"), new ClipboardRequest("c", null)]);
        t.Terminal.AnswerClipboardQuery("c", "hi");
        t.Replies.ShouldBe("\e]52;c;aGk=\e\\");
    }

    [Fact]
    public void Hyperlinks_mark_cells()
    {
        var t = new TestTerminal().Feed("\e]8;;https://example.com\aab\e]8;;\ac");
        var id = t.Screen.GetLine(0)[0].Style.HyperlinkId;
        t.Screen.GetHyperlink(id).ShouldBe("https://example.com");
        t.Screen.GetLine(0)[2].Style.HyperlinkId.ShouldBe((ushort)0);
    }

    [Fact]
    public void Input_modes_are_exposed_for_the_key_encoder()
    {
        var modes = new TestTerminal().Feed("\e[?1h\e[?2004h\e[?1002h\e[?1006h\e[?1004h\e[?1007h\e=").Screen.Modes;
        modes.ApplicationCursorKeys.ShouldBeTrue();
        modes.BracketedPaste.ShouldBeTrue();
        modes.MouseTracking.ShouldBe(MouseTracking.ButtonEvent);
        modes.MouseEncoding.ShouldBe(MouseEncoding.Sgr);
        modes.FocusEvents.ShouldBeTrue();
        modes.AlternateScroll.ShouldBeTrue();
        modes.ApplicationKeypad.ShouldBeTrue();
    }

    [Fact]
    public void Cursor_shape_and_visibility()
    {
        var t = new TestTerminal().Feed("\e[6 q\e[?25l");
        t.Screen.Cursor.Shape.ShouldBe(CursorShape.Bar);
        t.Screen.Cursor.Blinking.ShouldBeFalse();
        t.Screen.Modes.CursorVisible.ShouldBeFalse();
    }

    [Fact]
    public void Full_reset_clears_screen_history_and_modes()
    {
        var t = new TestTerminal(4, 2).Feed("1\r\n2\r\n3\e[?2004h\e[31m\ec");
        t.Text.ShouldBe("|");
        t.Screen.Scrollback.Count.ShouldBe(0);
        t.Screen.Modes.BracketedPaste.ShouldBeFalse();
        t.Screen.Cursor.Pen.ShouldBe(default(CellStyle));
    }
}
