namespace FleetTui.Core.Agents;

/// <summary>What a write of the user's input means to a dialog on screen.</summary>
public enum InputKind
{
    /// <summary>Anything else: typing, arrows, a paste.</summary>
    Other,
    /// <summary>Enter, or a lone y / digit: the choice is made (every agent's default choice is to go on).</summary>
    Confirm,
    /// <summary>Esc or Ctrl+C alone: the dialog is dismissed.</summary>
    Cancel,
}

/// <summary>Classifies one write of input bytes.</summary>
public static class InputKinds
{
    public static InputKind Of(ReadOnlySpan<byte> keys) => keys switch
    {
        [(byte)'\r'] or [(byte)'\n'] or [(byte)'\r', (byte)'\n'] => InputKind.Confirm,
        [var key] when key is (byte)'y' or (byte)'Y' || key is >= (byte)'1' and <= (byte)'9' => InputKind.Confirm,
        [0x1b] or [0x03] => InputKind.Cancel,
        _ => InputKind.Other,
    };
}
