using System.Buffers.Binary;
using System.Text;

namespace FleetTui.Host.Protocol;

/// <summary>Reads what <see cref="WireWriter"/> wrote; reading past the end is a <see cref="ProtocolException"/>.</summary>
public ref struct WireReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool AtEnd => _position >= _data.Length;

    public byte U8() => Take(1)[0];

    public int U16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public uint U32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public ReadOnlySpan<byte> Bytes(int count) => Take(count);

    public string String() => Encoding.UTF8.GetString(Take(U16()));

    /// <summary>One UTF-8 encoded code point.</summary>
    public int Rune()
    {
        var status = System.Text.Rune.DecodeFromUtf8(_data[_position..], out var rune, out var used);
        if (status != System.Buffers.OperationStatus.Done)
            throw new ProtocolException("a malformed UTF-8 character in a screen update");
        _position += used;
        return rune.Value;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || _position + count > _data.Length)
            throw new ProtocolException("a truncated screen update");
        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }
}
