namespace FleetTui.Terminal.Pty;

/// <summary>Bytes accepted from the caller that the terminal could not take yet, in order. Not thread-safe: the owner locks.</summary>
internal sealed class PendingWriteBuffer
{
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    public bool IsEmpty => _start == _end;

    public int Count => _end - _start;

    public ReadOnlySpan<byte> Pending => _buffer.AsSpan(_start, _end - _start);

    public void Append(ReadOnlySpan<byte> data)
    {
        if (_buffer.Length - _end < data.Length)
        {
            MakeRoom(data.Length);
        }

        data.CopyTo(_buffer.AsSpan(_end));
        _end += data.Length;
    }

    public void Consume(int count)
    {
        _start += count;
        if (_start == _end)
        {
            _start = _end = 0;
        }
    }

    public void Clear() => _start = _end = 0;

    private void MakeRoom(int needed)
    {
        int count = Count;
        if (_buffer.Length - count < needed)
        {
            var larger = new byte[Math.Max(_buffer.Length * 2, count + needed)];
            Pending.CopyTo(larger);
            _buffer = larger;
        }
        else
        {
            Pending.CopyTo(_buffer);
        }

        _start = 0;
        _end = count;
    }
}
