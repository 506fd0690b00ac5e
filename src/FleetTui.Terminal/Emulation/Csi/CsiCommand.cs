using FleetTui.Terminal.Parsing;

namespace FleetTui.Terminal.Emulation.Csi;

/// <summary>The action of one CSI sequence, applied to the terminal.</summary>
internal delegate void CsiCommand(TerminalHandler terminal, VtParams parameters);
