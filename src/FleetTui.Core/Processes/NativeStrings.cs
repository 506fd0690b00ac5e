using System.Runtime.InteropServices;
using System.Text;

namespace FleetTui.Core.Processes;

/// <summary>A NULL-terminated array of NUL-terminated UTF-8 strings in native memory (argv, envp), freed on dispose.</summary>
internal sealed unsafe class NativeStrings : IDisposable
{
    private byte** _pointers;
    private byte* _text;

    public NativeStrings(IReadOnlyList<string> strings)
    {
        nuint length = 0;
        foreach (var s in strings)
        {
            if (s.Contains('\0', StringComparison.Ordinal))
                throw new ArgumentException($"A string passed to a child contains a NUL character: '{s.Replace("\0", "\\0", StringComparison.Ordinal)}'");
            length += (nuint)Encoding.UTF8.GetByteCount(s) + 1;
        }

        _pointers = (byte**)NativeMemory.AllocZeroed((nuint)(strings.Count + 1), (nuint)sizeof(byte*));
        _text = (byte*)NativeMemory.Alloc(Math.Max(length, 1));
        var cursor = _text;
        for (var i = 0; i < strings.Count; i++)
        {
            var written = Encoding.UTF8.GetBytes(strings[i], new Span<byte>(cursor, int.MaxValue));
            cursor[written] = 0;
            _pointers[i] = cursor;
            cursor += written + 1;
        }
    }

    public byte** Pointers => _pointers;

    public void Dispose()
    {
        NativeMemory.Free(_pointers);
        NativeMemory.Free(_text);
        _pointers = null;
        _text = null;
    }
}
