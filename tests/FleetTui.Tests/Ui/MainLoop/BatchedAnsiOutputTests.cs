using FleetTui.Display;
using FleetTui.Terminal.Emulation;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;
using FleetTui.Ui.MainLoop;
using Shouldly;
using Terminal.Gui.Drivers;
using Xunit;

namespace FleetTui.Tests.Ui.MainLoop;

/// <summary>
/// A frame is written as one piece, cursor moves included: fed to our own VT emulator, that piece must put every changed
/// cell where Terminal.Gui placed it (here the output is headless, so the piece is read back from Terminal.Gui's record of it).
/// </summary>
public class BatchedAnsiOutputTests
{
    /// <summary>What a view's drawing does to Terminal.Gui's buffer: every cell written is marked changed.</summary>
    private static OutputBufferImpl Draw(OutputBufferImpl buffer, params (int Column, int Row, string Text)[] texts)
    {
        foreach (var (column, row, text) in texts)
        {
            buffer.Move(column, row);
            buffer.AddStr(text);
        }
        return buffer;
    }

    private static OutputBufferImpl NewBuffer(int columns, int rows)
    {
        var buffer = new OutputBufferImpl();
        buffer.SetSize(columns, rows);
        return buffer;
    }

    [Fact]
    public void One_frame_with_changes_on_several_rows_lands_every_cell_in_place()
    {
        using var output = new BatchedAnsiOutput();
        output.Write(Draw(NewBuffer(30, 6), (3, 1, "hello"), (20, 1, "right"), (0, 4, "world")));
        var frame = output.GetLastOutput();

        var terminal = new VirtualTerminal(30, 6);
        terminal.Feed(frame);
        terminal.Screen.GetRowText(1).TrimEnd().ShouldBe("   hello            right");
        terminal.Screen.GetRowText(4).TrimEnd().ShouldBe("world");
        // Every row of a fresh buffer is dirty: each one's cursor move is part of the one piece.
        for (var row = 1; row <= 6; row++)
            frame.ShouldContain($"\u001b[{row};1H");
    }

    [Fact]
    public void Outside_a_frame_it_writes_like_terminal_gui_does()
    {
        using var output = new BatchedAnsiOutput();

        output.Write("\u001b[?25h".AsSpan());

        output.GetLastOutput().ShouldEndWith("\u001b[?25h");
    }

    [Fact]
    public void Rows_redrawn_unchanged_are_not_sent_again_and_a_changed_row_is_sent_whole()
    {
        using var output = new BatchedAnsiOutput();
        var buffer = NewBuffer(30, 6);
        output.Write(Draw(buffer, (0, 1, "sidebar line"), (0, 3, "$ ")));

        // A view redraws everything (Terminal.Gui marks each cell changed) but only row 3 really changes.
        output.Write(Draw(buffer, (0, 1, "sidebar line"), (0, 3, "$ q")));
        var frame = output.GetLastOutput();

        frame.ShouldNotContain("sidebar line");
        frame.ShouldContain("\u001b[4;1H");
        var terminal = new VirtualTerminal(30, 6);
        terminal.Feed(frame);
        terminal.Screen.GetRowText(3).TrimEnd().ShouldBe("$ q");
    }

    [Fact]
    public void A_new_screen_size_forgets_what_was_shown_and_sends_everything()
    {
        using var output = new BatchedAnsiOutput();
        var buffer = NewBuffer(30, 6);
        output.Write(Draw(buffer, (0, 1, "sidebar line")));

        buffer.SetSize(40, 8); // the terminal was resized: what it shows now is anyone's guess
        output.Write(Draw(buffer, (0, 1, "sidebar line")));

        output.GetLastOutput().ShouldContain("sidebar line");
    }

    private static string FrameAt(ColorDepth depth, Attribute attribute, string text = "grey")
    {
        using var output = new BatchedAnsiOutput { Depth = depth };
        var buffer = NewBuffer(20, 3);
        buffer.CurrentAttribute = attribute;
        output.Write(Draw(buffer, (0, 1, text)));
        return output.GetLastOutput();
    }

    [Fact]
    public void At_16_colours_light_grey_on_near_black_goes_out_as_white_on_black_with_no_24_bit_colour()
    {
        var frame = FrameAt(ColorDepth.Colors16, new Attribute(new Color(201, 206, 216), new Color(0x15, 0x17, 0x1c)));

        frame.ShouldContain("\u001b[37m\u001b[40m");
        frame.ShouldNotContain("38;2;");
        frame.ShouldNotContain("48;2;");
        frame.ShouldNotContain("\u001b[93m"); // bright yellow, as Terminal.Gui's own 16-colour mapping had it
    }

    [Fact]
    public void At_256_colours_colours_go_out_as_palette_indexes_and_the_style_is_kept()
    {
        var frame = FrameAt(ColorDepth.Colors256, new Attribute(new Color(0xd7, 0x87, 0x00), new Color(0, 0, 0), TextStyle.Bold));

        frame.ShouldContain("\u001b[38;5;172m\u001b[48;5;16m");
        frame.ShouldContain("\u001b[1m");
        frame.ShouldNotContain("38;2;");
        var terminal = new VirtualTerminal(20, 3);
        terminal.Feed(frame);
        terminal.Screen.GetRowText(1).TrimEnd().ShouldBe("grey");
    }

    [Fact]
    public void At_24_bits_colours_go_out_as_they_are()
    {
        var frame = FrameAt(ColorDepth.TrueColor, new Attribute(new Color(201, 206, 216), new Color(1, 2, 3)));

        frame.ShouldContain("38;2;201;206;216");
    }

    [Fact]
    public void The_terminals_default_colours_stay_default_at_every_depth()
    {
        foreach (var depth in new[] { ColorDepth.Colors16, ColorDepth.Colors256 })
        {
            var frame = FrameAt(depth, new Attribute(Color.None, Color.None));
            // Row 1 is ours; the rest of the buffer is Terminal.Gui's blank cells in its own default attribute.
            var row = frame[frame.IndexOf("\u001b[2;1H", StringComparison.Ordinal)..];
            row = row[..row.IndexOf("grey", StringComparison.Ordinal)];
            row.ShouldBe("\u001b[2;1H\u001b[39m\u001b[49m");
        }
    }
}
