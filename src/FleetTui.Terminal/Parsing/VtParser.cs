using System.Buffers;
using System.Runtime.CompilerServices;

namespace FleetTui.Terminal.Parsing;

/// <summary>
/// Paul Williams' DEC ANSI parser (https://vt100.net/emu/dec_ansi_parser) for a UTF-8 terminal, driven by a packed
/// transition table, with xterm's additions: BEL ends an OSC string, <c>:</c> sub-parameters, CAN/SUB abort.
/// In ground state it decodes UTF-8 and hands the handler whole runs of printable code points. Raw 8-bit C1 bytes are
/// not controls (they are UTF-8 continuation bytes), and decoded C1 code points (U+0080-U+009F) are dropped, as tmux does.
/// Every buffer has a fixed bound, so hostile input cannot grow memory; steady state allocates nothing.
/// A parser is not thread safe: feed it from one thread.
/// </summary>
public sealed class VtParser
{
    /// <summary>Longest OSC string kept; longer ones are dropped whole (a clipboard of ~48 KiB of base64 fits).</summary>
    public const int MaxOscLength = 64 * 1024;

    private const int PrintBufferLength = 4096;

    /// <summary>An ASCII run after other printable characters at least this long goes to <see cref="IVtHandler.PrintAscii"/> on its own.</summary>
    private const int DirectAsciiRun = 32;
    private const int Replacement = 0xFFFD;

    private static readonly SearchValues<byte> DcsStops = SearchValues.Create([0x18, 0x1A, 0x1B, 0x7F]);
    private static readonly SearchValues<byte> SosStops = SearchValues.Create([0x18, 0x1A, 0x1B]);

    private readonly IVtHandler _handler;
    private readonly VtParams _params = new();
    private readonly int[] _print = new int[PrintBufferLength];
    private byte[] _osc = new byte[256];
    private int _oscLength;
    private bool _oscOverflow;

    private VtParserState _state = VtParserState.Ground;
    private byte _private;
    private byte _first;
    private byte _second;
    private bool _collectOverflow;

    // UTF-8 decoder state carried across Advance calls.
    private int _utf8CodePoint;
    private int _utf8Needed;
    private byte _utf8Lower = 0x80;
    private byte _utf8Upper = 0xBF;

    public VtParser(IVtHandler handler) => _handler = handler;

    public VtParserState State => _state;

    /// <summary>Feeds bytes; sequences split across calls are completed by later calls.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    public void Advance(ReadOnlySpan<byte> data)
    {
        var table = VtTransitionTable.Table;
        var i = 0;
        while (i < data.Length)
        {
            switch (_state)
            {
                case VtParserState.Ground:
                    i = ParseGround(data, i);
                    if (i >= data.Length)
                        return;
                    break;
                case VtParserState.OscString:
                    i = CollectOscRun(data, i);
                    if (i >= data.Length)
                        return;
                    break;
                case VtParserState.DcsPassthrough:
                {
                    var run = data[i..].IndexOfAny(DcsStops);
                    var end = run < 0 ? data.Length : i + run;
                    if (end > i)
                        _handler.DcsPut(data[i..end]);
                    i = end;
                    if (i >= data.Length)
                        return;
                    break;
                }
                case VtParserState.CsiEntry:
                case VtParserState.CsiParam:
                {
                    // Parameters are most of an SGR-heavy stream: take digits, ';' and ':' without the table.
                    var start = i;
                    i = _params.PutRun(data, i);
                    if (i > start)
                        _state = VtParserState.CsiParam;
                    if (i >= data.Length)
                        return;
                    var final = data[i];
                    if ((uint)(final - 0x40) <= 0x3E)
                    {
                        // The final byte, as the table would take it (dispatch, back to ground), without the table.
                        i++;
                        _state = VtParserState.Ground;
                        if (!_collectOverflow)
                            _handler.CsiDispatch(_params, Collected, final);
                        continue;
                    }

                    break;
                }
                case VtParserState.SosPmApcString:
                {
                    var run = data[i..].IndexOfAny(SosStops);
                    if (run < 0)
                        return;
                    i += run;
                    break;
                }
            }

            if (data[i] == 0x1B && i + 1 < data.Length && data[i + 1] == (byte)'[')
            {
                // ESC [ (most sequences), as the table would take it: what ESC and then '[' do, in one step.
                Leave(aborted: false);
                var final = _params.ParseSimple(data, i + 2);
                if (final >= 0)
                {
                    // A whole sequence of plain parameters in the buffer (most SGR): read and dispatched in one go.
                    _state = VtParserState.Ground;
                    _handler.CsiDispatch(_params, default, data[final]);
                    i = final + 1;
                    continue;
                }

                _state = VtParserState.CsiEntry;
                Clear();
                i += 2;
                continue;
            }

            Step(table, data[i++]);
        }
    }

    /// <summary>Back to ground state, dropping any partial sequence (RIS).</summary>
    public void Reset()
    {
        _state = VtParserState.Ground;
        _utf8Needed = 0;
        _oscLength = 0;
        _oscOverflow = false;
        Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Step(byte[] table, byte b)
    {
        if (b == 0x1B)
        {
            Leave(aborted: false);
            _state = VtParserState.Escape;
            Clear();
            return;
        }

        if (b is 0x18 or 0x1A)
        {
            Leave(aborted: true);
            _state = VtParserState.Ground;
            _handler.Execute(b);
            return;
        }

        var entry = table[((int)_state << 8) | b];
        var next = VtTransitionTable.StateOf(entry);
        switch (VtTransitionTable.ActionOf(entry))
        {
            case VtAction.Execute:
                _handler.Execute(b);
                break;
            case VtAction.Print:
                // Only reached for a printable byte outside the ground fast path (never, in practice).
                _print[0] = b;
                _handler.Print(_print.AsSpan(0, 1));
                break;
            case VtAction.Collect:
                Collect(b);
                break;
            case VtAction.Param:
                _params.Put(b);
                break;
            case VtAction.EscDispatch:
                if (!_collectOverflow)
                    _handler.EscDispatch(Collected, b);
                break;
            case VtAction.CsiDispatch:
                if (!_collectOverflow)
                    _handler.CsiDispatch(_params, Collected, b);
                break;
            case VtAction.Put:
                _handler.DcsPut(new ReadOnlySpan<byte>(in b));
                break;
            case VtAction.OscPut:
                AppendOsc(new ReadOnlySpan<byte>(in b));
                break;
        }

        if (next != _state)
        {
            Leave(aborted: false);
            _state = next;
            Enter(next, b);
        }
    }

    private VtCollected Collected => new(_private, _first, _second, _collectOverflow);

    private void Enter(VtParserState state, byte final)
    {
        switch (state)
        {
            case VtParserState.CsiEntry:
            case VtParserState.DcsEntry:
                Clear();
                break;
            case VtParserState.OscString:
                _oscLength = 0;
                _oscOverflow = false;
                break;
            case VtParserState.DcsPassthrough:
                _handler.DcsHook(_params, Collected, final);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    private void Leave(bool aborted)
    {
        switch (_state)
        {
            case VtParserState.OscString:
                if (!aborted && !_oscOverflow)
                    _handler.OscDispatch(_osc.AsSpan(0, _oscLength));
                _oscLength = 0;
                break;
            case VtParserState.DcsPassthrough:
                _handler.DcsUnhook();
                break;
            case VtParserState.Ground when _utf8Needed > 0:
                // A control interrupted a multi-byte character.
                _utf8Needed = 0;
                _print[0] = Replacement;
                _handler.Print(_print.AsSpan(0, 1));
                break;
        }
    }

    private void Clear()
    {
        _params.Reset();
        _private = 0;
        _first = 0;
        _second = 0;
        _collectOverflow = false;
    }

    private void Collect(byte b)
    {
        if (b >= 0x3C)
            _private = b;
        else if (_first == 0)
            _first = b;
        else if (_second == 0)
            _second = b;
        else
            _collectOverflow = true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    private int CollectOscRun(ReadOnlySpan<byte> data, int i)
    {
        var start = i;
        while (i < data.Length && data[i] >= 0x20)
            i++;
        if (i > start)
            AppendOsc(data[start..i]);
        return i;
    }

    private void AppendOsc(ReadOnlySpan<byte> bytes)
    {
        if (_oscOverflow)
            return;
        var needed = _oscLength + bytes.Length;
        if (needed > MaxOscLength)
        {
            _oscOverflow = true;
            return;
        }

        if (needed > _osc.Length)
            Array.Resize(ref _osc, Math.Min(MaxOscLength, Math.Max(needed, _osc.Length * 2)));
        bytes.CopyTo(_osc.AsSpan(_oscLength));
        _oscLength = needed;
    }

    /// <summary>Decodes printable text from <paramref name="i"/> until a control byte; returns where it stopped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    private int ParseGround(ReadOnlySpan<byte> data, int i)
    {
        var print = _print;
        var n = 0;
        while (i < data.Length)
        {
            var b = data[i];
            if (_utf8Needed == 0)
            {
                if ((uint)(b - 0x20) < 0x5F)
                {
                    // ASCII fast path: find the run and hand the bytes over as they are.
                    var run = AsciiRunLength(data, i);
                    if (n == 0 || run >= DirectAsciiRun)
                    {
                        if (n > 0)
                        {
                            _handler.Print(print.AsSpan(0, n));
                            n = 0;
                        }

                        _handler.PrintAscii(data.Slice(i, run));
                        i += run;
                        continue;
                    }

                    // A few ASCII characters between others (accents, box drawing): widened, to keep them in one print.
                    run = Math.Min(run, print.Length - n);
                    AsciiWidener.Widen(data.Slice(i, run), print.AsSpan(n, run));
                    n += run;
                    i += run;
                    if (n == print.Length)
                    {
                        _handler.Print(print);
                        n = 0;
                    }

                    continue;
                }

                if (b < 0x80)
                    break; // C0, ESC or DEL: the table handles it
                i++;
                if (!StartUtf8(b))
                    n = Emit(print, n, Replacement);
                continue;
            }

            if (b >= _utf8Lower && b <= _utf8Upper)
            {
                i++;
                _utf8CodePoint = (_utf8CodePoint << 6) | (b & 0x3F);
                _utf8Lower = 0x80;
                _utf8Upper = 0xBF;
                if (--_utf8Needed == 0 && _utf8CodePoint >= 0xA0)
                    n = Emit(print, n, _utf8CodePoint);
                continue;
            }

            // Not a valid continuation: replace the partial character and look at this byte again.
            _utf8Needed = 0;
            n = Emit(print, n, Replacement);
        }

        if (n > 0)
            _handler.Print(print.AsSpan(0, n));
        return i;
    }

    /// <summary>
    /// How many printable ASCII bytes start at <paramref name="i"/>: a plain loop over the first few (words between
    /// escape sequences are short, shorter than a vectorised search's setup is worth), then the vectorised search.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AsciiRunLength(ReadOnlySpan<byte> data, int i)
    {
        var start = i;
        var scalarEnd = Math.Min(data.Length, i + 16);
        while (i < scalarEnd && (uint)(data[i] - 0x20) < 0x5F)
            i++;
        if (i < scalarEnd || i == data.Length)
            return i - start;
        var rest = data[i..].IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E);
        return (rest < 0 ? data.Length : i + rest) - start;
    }

    private int Emit(int[] print, int n, int codePoint)
    {
        print[n++] = codePoint;
        if (n == print.Length)
        {
            _handler.Print(print);
            n = 0;
        }

        return n;
    }

    /// <summary>Starts a multi-byte character with the ranges of the Unicode "well-formed UTF-8" table.</summary>
    private bool StartUtf8(byte lead)
    {
        _utf8Lower = 0x80;
        _utf8Upper = 0xBF;
        switch (lead)
        {
            case >= 0xC2 and <= 0xDF:
                _utf8CodePoint = lead & 0x1F;
                _utf8Needed = 1;
                return true;
            case >= 0xE0 and <= 0xEF:
                _utf8CodePoint = lead & 0x0F;
                _utf8Needed = 2;
                if (lead == 0xE0) _utf8Lower = 0xA0;
                if (lead == 0xED) _utf8Upper = 0x9F;
                return true;
            case >= 0xF0 and <= 0xF4:
                _utf8CodePoint = lead & 0x07;
                _utf8Needed = 3;
                if (lead == 0xF0) _utf8Lower = 0x90;
                if (lead == 0xF4) _utf8Upper = 0x8F;
                return true;
            default:
                return false;
        }
    }
}
