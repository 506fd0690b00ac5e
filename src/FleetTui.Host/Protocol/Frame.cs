namespace FleetTui.Host.Protocol;

/// <summary>One frame read from a connection: its kind and payload (owned by the reader until the next read).</summary>
public readonly record struct Frame(FrameKind Kind, ReadOnlyMemory<byte> Payload);
