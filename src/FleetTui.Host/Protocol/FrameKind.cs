namespace FleetTui.Host.Protocol;

/// <summary>What a frame's payload is: a JSON control message, or a binary screen update.</summary>
public enum FrameKind : byte
{
    Control = 1,
    Screens = 2,
}
