namespace FleetTui.Terminal.Input;

/// <summary>
/// Mouse reports as xterm sends them (ctlseqs, "Mouse Tracking"): the button code carries the button (0 left,
/// 1 middle, 2 right, 3 release or no button, 64 to 67 the wheel), +4 Shift, +8 Alt, +16 Ctrl, +32 motion.
/// </summary>
public static class MouseEncoder
{
    /// <summary>A destination of this size always holds one report (SGR with two 10-digit coordinates).</summary>
    public const int MaxLength = 32;

    // The default encoding adds 32 to a 1-based coordinate in one byte: 223 is the last cell it can name.
    private const int LastDefaultCoordinate = 255 - 32;

    // UTF-8 (1005) spells a value of up to 2047 in two bytes: 2015 is the last cell it can name.
    private const int LastUtf8Coordinate = 2047 - 32;

    /// <summary>The cell size assumed for pixel reports (mode 1016).</summary>
    public const int AssumedCellWidth = 8, AssumedCellHeight = 16;

    public static byte[] Encode(MouseEvent mouse, InputModes modes)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        return buffer[..Encode(mouse, modes, buffer)].ToArray();
    }

    /// <returns>Bytes written, 0 when the current tracking mode does not report this event.</returns>
    public static int Encode(MouseEvent mouse, InputModes modes, Span<byte> destination)
    {
        if (destination.Length < MaxLength)
        {
            throw new ArgumentException($"The destination must hold at least {MaxLength} bytes, not {destination.Length}", nameof(destination));
        }

        if (!IsReported(mouse, modes.MouseTracking))
        {
            return 0;
        }

        bool sgr = modes.MouseEncoding is MouseEncoding.Sgr or MouseEncoding.SgrPixels;
        int code = ButtonCode(mouse.Button, releasedInDefaultEncoding: mouse.Kind == MouseEventKind.Release && !sgr);
        if (mouse.Kind == MouseEventKind.Motion)
        {
            code += 32;
        }

        if (modes.MouseTracking != MouseTracking.X10)
        {
            code += ModifierBits(mouse.Modifiers);
        }

        int column = Math.Max(mouse.Column, 0) + 1;
        int row = Math.Max(mouse.Row, 0) + 1;
        bool release = mouse.Kind == MouseEventKind.Release;
        return modes.MouseEncoding switch
        {
            MouseEncoding.Sgr => WriteSgr(destination, code, column, row, release),
            MouseEncoding.SgrPixels => WriteSgr(destination, code,
                Math.Max(mouse.Column, 0) * AssumedCellWidth + AssumedCellWidth / 2 + 1,
                Math.Max(mouse.Row, 0) * AssumedCellHeight + AssumedCellHeight / 2 + 1, release),
            MouseEncoding.Utf8 => WriteUtf8(destination, code, column, row),
            MouseEncoding.Urxvt => WriteUrxvt(destination, code, column, row),
            _ => WriteDefault(destination, code, column, row),
        };
    }

    private static bool IsReported(MouseEvent mouse, MouseTracking tracking)
    {
        bool wheel = mouse.Button is >= MouseButton.WheelUp and <= MouseButton.WheelRight;
        return mouse.Kind switch
        {
            // A press needs a button; the wheel only ever "presses".
            MouseEventKind.Press => tracking != MouseTracking.None && mouse.Button != MouseButton.None,
            MouseEventKind.Release => tracking is MouseTracking.Normal or MouseTracking.ButtonEvent or MouseTracking.AnyEvent && !wheel,
            MouseEventKind.Motion => tracking == MouseTracking.AnyEvent
                || (tracking == MouseTracking.ButtonEvent && mouse.Button != MouseButton.None && !wheel),
            _ => false,
        };
    }

    private static int ButtonCode(MouseButton button, bool releasedInDefaultEncoding) => releasedInDefaultEncoding
        ? 3 // the default encoding cannot say which button was released
        : button switch
        {
            MouseButton.Left => 0,
            MouseButton.Middle => 1,
            MouseButton.Right => 2,
            MouseButton.WheelUp => 64,
            MouseButton.WheelDown => 65,
            MouseButton.WheelLeft => 66,
            MouseButton.WheelRight => 67,
            _ => 3,
        };

    private static int ModifierBits(KeyModifiers modifiers) =>
        ((modifiers & KeyModifiers.Shift) != 0 ? 4 : 0)
        + ((modifiers & KeyModifiers.Alt) != 0 ? 8 : 0)
        + ((modifiers & KeyModifiers.Ctrl) != 0 ? 16 : 0);

    private static int WriteDefault(Span<byte> destination, int code, int column, int row)
    {
        destination[0] = 0x1b;
        destination[1] = (byte)'[';
        destination[2] = (byte)'M';
        destination[3] = (byte)(32 + code);
        destination[4] = (byte)(32 + Math.Min(column, LastDefaultCoordinate));
        destination[5] = (byte)(32 + Math.Min(row, LastDefaultCoordinate));
        return 6;
    }

    private static int WriteUtf8(Span<byte> destination, int code, int column, int row)
    {
        destination[0] = 0x1b;
        destination[1] = (byte)'[';
        destination[2] = (byte)'M';
        int length = 3;
        length += WriteUtf8Value(destination[length..], 32 + code);
        length += WriteUtf8Value(destination[length..], 32 + Math.Min(column, LastUtf8Coordinate));
        length += WriteUtf8Value(destination[length..], 32 + Math.Min(row, LastUtf8Coordinate));
        return length;
    }

    /// <summary>One value below 2048 as a UTF-8 character: one byte below 128, two above.</summary>
    private static int WriteUtf8Value(Span<byte> destination, int value)
    {
        if (value < 0x80)
        {
            destination[0] = (byte)value;
            return 1;
        }
        destination[0] = (byte)(0xC0 | (value >> 6));
        destination[1] = (byte)(0x80 | (value & 0x3F));
        return 2;
    }

    private static int WriteUrxvt(Span<byte> destination, int code, int column, int row)
    {
        destination[0] = 0x1b;
        destination[1] = (byte)'[';
        int length = 2 + KeyEncoder.WriteDecimal(destination[2..], 32 + code);
        destination[length++] = (byte)';';
        length += KeyEncoder.WriteDecimal(destination[length..], column);
        destination[length++] = (byte)';';
        length += KeyEncoder.WriteDecimal(destination[length..], row);
        destination[length++] = (byte)'M';
        return length;
    }

    private static int WriteSgr(Span<byte> destination, int code, int column, int row, bool release)
    {
        destination[0] = 0x1b;
        destination[1] = (byte)'[';
        destination[2] = (byte)'<';
        int length = 3 + KeyEncoder.WriteDecimal(destination[3..], code);
        destination[length++] = (byte)';';
        length += KeyEncoder.WriteDecimal(destination[length..], column);
        destination[length++] = (byte)';';
        length += KeyEncoder.WriteDecimal(destination[length..], row);
        destination[length++] = release ? (byte)'m' : (byte)'M';
        return length;
    }
}
