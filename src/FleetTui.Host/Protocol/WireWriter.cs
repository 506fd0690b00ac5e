using System.Buffers.Binary;
using System.Text;

namespace FleetTui.Host.Protocol;

/// <summary>A growable buffer of big-endian integers and length-prefixed UTF-8 strings (the binary screen updates).</summary>
public sealed class WireWriter
{
    private byte[] _buffer;

    public WireWriter(int capacity = 4096) => _buffer = new byte[capacity];

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, Length);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    /// <summary>Forgets what was written after <paramref name="length"/> (a pane that turned out to have nothing new).</summary>
    public void Truncate(int length) => Length = Math.Min(Length, length);

    public void U8(byte value) => Reserve(1)[0] = value;

    public void U16(int value) => BinaryPrimitives.WriteUInt16BigEndian(Reserve(2), (ushort)Math.Clamp(value, 0, ushort.MaxValue));

    public void U32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Reserve(4), value);

    /// <summary>Reserves a 32-bit slot to fill in later with <see cref="PatchU32"/> (a length known only once its content is written).</summary>
    public int Placeholder()
    {
        var at = Length;
        Reserve(4);
        return at;
    }

    public void PatchU32(int at, uint value) => BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(at, 4), value);

    public void PatchU16(int at, int value) => BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(at, 2), (ushort)Math.Clamp(value, 0, ushort.MaxValue));

    public void Bytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>A UTF-8 string with a 16-bit length; longer text is cut at a character boundary.</summary>
    public void String(string text)
    {
        var span = text.AsSpan();
        if (Encoding.UTF8.GetMaxByteCount(span.Length) > ushort.MaxValue && Encoding.UTF8.GetByteCount(span) > ushort.MaxValue)
            span = span[..CutAt(text, ushort.MaxValue)];
        var count = Encoding.UTF8.GetByteCount(span);
        U16(count);
        Encoding.UTF8.GetBytes(span, Reserve(count));
    }

    /// <summary>One code point as UTF-8 (1-4 bytes).</summary>
    public void Rune(int codePoint)
    {
        var rune = System.Text.Rune.IsValid(codePoint) ? new Rune(codePoint) : System.Text.Rune.ReplacementChar;
        var span = Reserve(4);
        var written = rune.EncodeToUtf8(span);
        Length -= 4 - written;
    }

    private static int CutAt(string text, int maxBytes)
    {
        var bytes = 0;
        var index = 0;
        while (index < text.Length)
        {
            System.Text.Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var used);
            if (bytes + rune.Utf8SequenceLength > maxBytes)
                break;
            bytes += rune.Utf8SequenceLength;
            index += used;
        }
        return index;
    }

    private Span<byte> Reserve(int count)
    {
        if (Length + count > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(Length + count, _buffer.Length * 2));
        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
