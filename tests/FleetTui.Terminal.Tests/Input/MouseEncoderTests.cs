using FleetTui.Terminal.Input;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Input;

/// <summary>Expected reports from xterm's ctlseqs ("Mouse Tracking"); cells are 0-based here and 1-based on the wire.</summary>
public class MouseEncoderTests
{
    private const MouseEventKind Press = MouseEventKind.Press;
    private const MouseEventKind Release = MouseEventKind.Release;
    private const MouseEventKind Motion = MouseEventKind.Motion;

    public static TheoryData<MouseTracking, MouseEventKind, MouseButton, KeyModifiers, string?> DefaultEncoding => new()
    {
        // Column 9, row 4 → 10 and 5 → bytes 42 '*' and 37 '%'.
        { MouseTracking.Normal, Press, MouseButton.Left, KeyModifiers.None, "\e[M *%" },
        { MouseTracking.Normal, Press, MouseButton.Middle, KeyModifiers.None, "\e[M!*%" },
        { MouseTracking.Normal, Press, MouseButton.Right, KeyModifiers.None, "\e[M\"*%" },
        { MouseTracking.Normal, Release, MouseButton.Left, KeyModifiers.None, "\e[M#*%" },
        { MouseTracking.Normal, Release, MouseButton.Right, KeyModifiers.None, "\e[M#*%" },
        { MouseTracking.Normal, Press, MouseButton.WheelUp, KeyModifiers.None, "\e[M`*%" },
        { MouseTracking.Normal, Press, MouseButton.WheelDown, KeyModifiers.None, "\e[Ma*%" },
        { MouseTracking.Normal, Press, MouseButton.WheelLeft, KeyModifiers.None, "\e[Mb*%" },
        { MouseTracking.Normal, Press, MouseButton.WheelRight, KeyModifiers.None, "\e[Mc*%" },
        { MouseTracking.Normal, Release, MouseButton.WheelUp, KeyModifiers.None, null },
        { MouseTracking.Normal, Press, MouseButton.Left, KeyModifiers.Shift, "\e[M$*%" },
        { MouseTracking.Normal, Press, MouseButton.Left, KeyModifiers.Alt, "\e[M(*%" },
        { MouseTracking.Normal, Press, MouseButton.Left, KeyModifiers.Ctrl, "\e[M0*%" },
        { MouseTracking.Normal, Press, MouseButton.WheelDown, KeyModifiers.Ctrl | KeyModifiers.Shift, "\e[Mu*%" },
        { MouseTracking.Normal, Motion, MouseButton.Left, KeyModifiers.None, null },
        { MouseTracking.Normal, Motion, MouseButton.None, KeyModifiers.None, null },
        { MouseTracking.X10, Press, MouseButton.Left, KeyModifiers.None, "\e[M *%" },
        { MouseTracking.X10, Press, MouseButton.Right, KeyModifiers.Ctrl, "\e[M\"*%" },
        { MouseTracking.X10, Release, MouseButton.Left, KeyModifiers.None, null },
        { MouseTracking.X10, Motion, MouseButton.Left, KeyModifiers.None, null },
        { MouseTracking.ButtonEvent, Motion, MouseButton.Left, KeyModifiers.None, "\e[M@*%" },
        { MouseTracking.ButtonEvent, Motion, MouseButton.Right, KeyModifiers.Alt, "\e[MJ*%" },
        { MouseTracking.ButtonEvent, Motion, MouseButton.None, KeyModifiers.None, null },
        { MouseTracking.ButtonEvent, Release, MouseButton.Left, KeyModifiers.None, "\e[M#*%" },
        { MouseTracking.AnyEvent, Motion, MouseButton.None, KeyModifiers.None, "\e[MC*%" },
        { MouseTracking.AnyEvent, Motion, MouseButton.Middle, KeyModifiers.None, "\e[MA*%" },
        { MouseTracking.None, Press, MouseButton.Left, KeyModifiers.None, null },
        { MouseTracking.None, Press, MouseButton.WheelUp, KeyModifiers.None, null },
    };

    public static TheoryData<MouseTracking, MouseEventKind, MouseButton, KeyModifiers, string?> SgrEncoding => new()
    {
        { MouseTracking.Normal, Press, MouseButton.Left, KeyModifiers.None, "\e[<0;10;5M" },
        { MouseTracking.Normal, Release, MouseButton.Left, KeyModifiers.None, "\e[<0;10;5m" },
        { MouseTracking.Normal, Press, MouseButton.Middle, KeyModifiers.None, "\e[<1;10;5M" },
        { MouseTracking.Normal, Release, MouseButton.Right, KeyModifiers.None, "\e[<2;10;5m" },
        { MouseTracking.Normal, Press, MouseButton.WheelUp, KeyModifiers.None, "\e[<64;10;5M" },
        { MouseTracking.Normal, Press, MouseButton.WheelDown, KeyModifiers.None, "\e[<65;10;5M" },
        { MouseTracking.Normal, Press, MouseButton.WheelUp, KeyModifiers.Ctrl, "\e[<80;10;5M" },
        { MouseTracking.Normal, Release, MouseButton.WheelDown, KeyModifiers.None, null },
        { MouseTracking.Normal, Press, MouseButton.Left, KeyModifiers.Ctrl | KeyModifiers.Shift, "\e[<20;10;5M" },
        { MouseTracking.Normal, Release, MouseButton.Left, KeyModifiers.Alt, "\e[<8;10;5m" },
        { MouseTracking.X10, Press, MouseButton.Left, KeyModifiers.Alt, "\e[<0;10;5M" },
        { MouseTracking.ButtonEvent, Motion, MouseButton.Left, KeyModifiers.None, "\e[<32;10;5M" },
        { MouseTracking.ButtonEvent, Motion, MouseButton.None, KeyModifiers.None, null },
        { MouseTracking.AnyEvent, Motion, MouseButton.None, KeyModifiers.None, "\e[<35;10;5M" },
        { MouseTracking.AnyEvent, Motion, MouseButton.None, KeyModifiers.Shift, "\e[<39;10;5M" },
    };

    [Theory]
    [MemberData(nameof(DefaultEncoding))]
    public void Default_encoding_reports_what_the_tracking_mode_asks_for(
        MouseTracking tracking, MouseEventKind kind, MouseButton button, KeyModifiers modifiers, string? expected)
    {
        var modes = new InputModes(MouseTracking: tracking);

        string report = Printable.Of(MouseEncoder.Encode(new MouseEvent(kind, button, 9, 4, modifiers), modes));

        report.ShouldBe(expected is null ? "" : Printable.OfLatin1(expected));
    }

    [Theory]
    [MemberData(nameof(SgrEncoding))]
    public void Sgr_encoding_reports_in_decimal_with_m_for_a_release(
        MouseTracking tracking, MouseEventKind kind, MouseButton button, KeyModifiers modifiers, string? expected)
    {
        var modes = new InputModes(MouseTracking: tracking, MouseEncoding: MouseEncoding.Sgr);

        string report = Printable.Of(MouseEncoder.Encode(new MouseEvent(kind, button, 9, 4, modifiers), modes));

        report.ShouldBe(expected is null ? "" : Printable.OfLatin1(expected));
    }

    [Theory]
    [InlineData(221, 221, 254, 254)]
    [InlineData(222, 222, 255, 255)]
    [InlineData(300, 5000, 255, 255)]
    [InlineData(-3, 0, 33, 33)]
    public void Default_encoding_clamps_coordinates_to_what_one_byte_can_carry(int column, int row, int columnByte, int rowByte)
    {
        byte[] report = MouseEncoder.Encode(new MouseEvent(Press, MouseButton.Left, column, row), new InputModes(MouseTracking: MouseTracking.Normal));

        report.ShouldBe(new byte[] { 0x1b, (byte)'[', (byte)'M', 32, (byte)columnByte, (byte)rowByte });
    }

    [Fact]
    public void Sgr_encoding_carries_any_coordinate()
    {
        var modes = new InputModes(MouseTracking: MouseTracking.Normal, MouseEncoding: MouseEncoding.Sgr);

        Printable.Of(MouseEncoder.Encode(new MouseEvent(Press, MouseButton.Left, 300, 999), modes)).ShouldBe("\\e[<0;301;1000M");
    }

    [Fact]
    public void The_largest_report_fits_the_documented_length()
    {
        var modes = new InputModes(MouseTracking: MouseTracking.AnyEvent, MouseEncoding: MouseEncoding.Sgr);
        var worst = new MouseEvent(Motion, MouseButton.WheelRight, int.MaxValue - 1, int.MaxValue - 1, KeyModifiers.Ctrl | KeyModifiers.Alt | KeyModifiers.Shift);

        MouseEncoder.Encode(worst, modes).Length.ShouldBeLessThanOrEqualTo(MouseEncoder.MaxLength);
    }

    [Fact]
    public void Utf8_encoding_spells_values_past_127_as_two_byte_characters()
    {
        var modes = new InputModes(MouseTracking: MouseTracking.Normal, MouseEncoding: MouseEncoding.Utf8);

        // Column 300 → 301 + 32 = 333 = U+014D; row 4 → 5 + 32 = 37 '%'; left press 0 + 32 = ' '.
        MouseEncoder.Encode(new MouseEvent(Press, MouseButton.Left, 300, 4), modes).ShouldBe("\e[M \u014D%"u8.ToArray());
        // Small values stay single bytes, exactly as the default encoding; a release says 3, like it.
        MouseEncoder.Encode(new MouseEvent(Release, MouseButton.Left, 9, 4), modes).ShouldBe("\e[M#*%"u8.ToArray());
    }

    [Fact]
    public void Urxvt_encoding_is_decimal_with_the_button_offset_by_32()
    {
        var modes = new InputModes(MouseTracking: MouseTracking.Normal, MouseEncoding: MouseEncoding.Urxvt);

        Printable.Of(MouseEncoder.Encode(new MouseEvent(Press, MouseButton.Right, 300, 999), modes)).ShouldBe("\\e[34;301;1000M");
        Printable.Of(MouseEncoder.Encode(new MouseEvent(Release, MouseButton.Right, 9, 4), modes)).ShouldBe("\\e[35;10;5M");
    }

    [Fact]
    public void Sgr_pixel_encoding_reports_the_middle_of_the_cell_in_pixels()
    {
        var modes = new InputModes(MouseTracking: MouseTracking.Normal, MouseEncoding: MouseEncoding.SgrPixels);

        // Cell (9, 4) of 8x16 pixels: x 72..79 → 76 + 1, y 64..79 → 72 + 1.
        Printable.Of(MouseEncoder.Encode(new MouseEvent(Release, MouseButton.Left, 9, 4), modes)).ShouldBe("\\e[<0;77;73m");
    }
}
