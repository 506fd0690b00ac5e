using FleetTui.Terminal.Parsing;

namespace FleetTui.Terminal.Emulation.Csi;

/// <summary>
/// CSI commands registered by final byte (xterm.js style). Plain sequences (no private marker, no intermediate) are an
/// array lookup; the others go through a dictionary keyed by marker, intermediates and final byte.
/// </summary>
internal sealed class CsiDispatchTable
{
    private readonly CsiCommand?[] _plain = new CsiCommand?[0x40];
    private readonly Dictionary<int, CsiCommand> _qualified = [];

    public void Register(char final, CsiCommand command, char privateMarker = '\0', char intermediate = '\0')
    {
        if (privateMarker == '\0' && intermediate == '\0')
            _plain[final - 0x40] = command;
        else
            _qualified[(VtCollected.KeyOf(privateMarker, intermediate) << 8) | final] = command;
    }

    /// <summary>Runs the command for the sequence; false when nothing is registered (the sequence is ignored).</summary>
    public bool Dispatch(TerminalHandler terminal, VtParams parameters, VtCollected collected, byte final)
    {
        CsiCommand? command;
        if (collected.Key == 0)
            command = _plain[final - 0x40];
        else
            _qualified.TryGetValue((collected.Key << 8) | final, out command);
        if (command is null)
            return false;
        command(terminal, parameters);
        return true;
    }
}
