namespace FleetTui.Terminal.Input;

/// <summary>Focus reports (mode 1004): <c>CSI I</c> when a pane gains focus, <c>CSI O</c> when it loses it.</summary>
public static class FocusEncoder
{
    public const int MaxLength = 3;

    /// <returns>Bytes written, 0 when the program did not ask for focus events.</returns>
    public static int Encode(bool focused, InputModes modes, Span<byte> destination)
    {
        if (!modes.FocusEvents)
        {
            return 0;
        }

        destination[0] = 0x1b;
        destination[1] = (byte)'[';
        destination[2] = focused ? (byte)'I' : (byte)'O';
        return 3;
    }

    public static byte[] Encode(bool focused, InputModes modes)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        return buffer[..Encode(focused, modes, buffer)].ToArray();
    }
}
