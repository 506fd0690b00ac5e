using System.Runtime.CompilerServices;
namespace FleetTui.Terminal.Parsing;

/// <summary>
/// The numeric parameters of a CSI or DCS sequence, with <c>:</c> sub-parameters (<c>38:2::255:0:0</c>).
/// Fixed-size storage: at most <see cref="MaxParams"/> parameters and <see cref="MaxSubParams"/> sub-parameters in all;
/// extra ones are dropped, values saturate at <see cref="MaxValue"/>. An omitted value reads as <see cref="Omitted"/>.
/// Valid only during the dispatch call that receives it.
/// </summary>
public sealed class VtParams
{
    public const int MaxParams = 32;
    public const int MaxSubParams = 32;
    public const int MaxValue = 65535;
    public const int Omitted = -1;

    private readonly int[] _values = new int[MaxParams];
    private readonly int[] _subValues = new int[MaxSubParams];
    // Per parameter: index of its first sub-parameter and how many it has.
    private readonly byte[] _subStart = new byte[MaxParams];
    private readonly byte[] _subCount = new byte[MaxParams];
    private int _count;
    private int _subTotal;
    private bool _inSub;

    /// <summary>How many parameters the sequence carried (<c>CSI m</c> has none, <c>CSI ;m</c> has two omitted).</summary>
    public int Count => _count;

    /// <summary>The raw values (omitted ones as <see cref="Omitted"/>), for a command that walks them all (SGR).</summary>
    internal ReadOnlySpan<int> Values => _values.AsSpan(0, _count);

    /// <summary>The raw value of parameter <paramref name="index"/>, or <see cref="Omitted"/>.</summary>
    public int this[int index] => index < _count ? _values[index] : Omitted;

    /// <summary>Parameter value, or <paramref name="fallback"/> when it is absent.</summary>
    public int Value(int index, int fallback)
    {
        var v = this[index];
        return v == Omitted ? fallback : v;
    }

    /// <summary>Parameter value, or <paramref name="fallback"/> when it is absent or zero (cursor movements: 0 means 1).</summary>
    public int NonZero(int index, int fallback)
    {
        var v = this[index];
        return v <= 0 ? fallback : v;
    }

    // A sequence without sub-parameters (_subTotal 0) leaves _subStart and _subCount unwritten (ParseSimple): they are
    // read only when some parameter has sub-parameters.
    public bool HasSubParams(int index) => _subTotal != 0 && index < _count && _subCount[index] > 0;

    /// <summary>The <c>:</c> sub-parameters following parameter <paramref name="index"/> (omitted ones as <see cref="Omitted"/>).</summary>
    public ReadOnlySpan<int> SubParams(int index) =>
        HasSubParams(index) ? _subValues.AsSpan(_subStart[index], _subCount[index]) : ReadOnlySpan<int>.Empty;

    internal void Reset()
    {
        _count = 0;
        _subTotal = 0;
        _inSub = false;
    }

    /// <summary>Feeds one byte of 0-9, ';' or ':'.</summary>
    internal void Put(byte b) => PutRun(new ReadOnlySpan<byte>(in b), 0);

    /// <summary>
    /// Feeds the bytes of 0-9, ';' and ':' from <paramref name="start"/> on and returns where the first other byte is (or
    /// the end). The parameter being read is kept in a local and stored at each separator and at the end, not per digit:
    /// parameters are most of an SGR-heavy stream.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    internal int PutRun(ReadOnlySpan<byte> data, int start)
    {
        var i = start;
        if (i >= data.Length || (uint)(data[i] - (byte)'0') > (uint)(';' - '0'))
            return i;
        if (_count == 0)
            StartParam();
        ref var slot = ref CurrentSlot();
        var value = slot;
        for (; i < data.Length; i++)
        {
            var b = data[i];
            var digit = (uint)(b - (byte)'0');
            if (digit <= 9)
            {
                // Saturates at MaxValue (65535 * 10 + 9 cannot overflow).
                value = value == Omitted ? (int)digit : Math.Min(MaxValue, value * 10 + (int)digit);
                continue;
            }

            if (b == (byte)';')
            {
                slot = value;
                _inSub = false;
                _overflowSub = false;
                var count = _count;
                if (count < MaxParams)
                {
                    // The common case, StartParam inline with the next slot known: no flags to consult.
                    _overflowParams = false;
                    var values = _values;
                    values[count] = Omitted;
                    _subStart[count] = (byte)_subTotal;
                    _subCount[count] = 0;
                    _count = count + 1;
                    slot = ref values[count];
                    value = Omitted;
                    continue;
                }

                _overflowParams = true;
            }
            else if (b == (byte)':')
            {
                slot = value;
                StartSubParam();
            }
            else
            {
                break;
            }

            slot = ref CurrentSlot();
            value = slot;
        }

        slot = value;
        return i;
    }

    /// <summary>
    /// The fast path for a whole parameter list already in the buffer, as most sequences arrive: from
    /// <paramref name="start"/> (just after <c>CSI</c>), parameters of digits separated by ';' up to a final byte
    /// (0x40-0x7E). When that is what is there, reads them as <see cref="PutRun"/> would (after a <see cref="Reset"/>) and
    /// returns where the final byte is; otherwise (a private marker, ':', an intermediate, a control, the end of the buffer,
    /// more than <see cref="MaxParams"/> parameters, a value of more than 9 digits) returns -1, for the general path to
    /// <see cref="Reset"/> and read the sequence from the start (what was read so far is garbage). One tight loop a digit, nothing stored per
    /// digit, no flags: an SGR-heavy stream is mostly parameters.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    internal int ParseSimple(ReadOnlySpan<byte> data, int start)
    {
        var values = _values;
        var i = start;
        var count = 0;
        while (true)
        {
            var digits = i;
            var value = 0;
            uint digit;
            while (i < data.Length && (digit = (uint)(data[i] - (byte)'0')) <= 9)
            {
                value = value * 10 + (int)digit; // at most 9 digits (checked below): no overflow
                i++;
            }

            if (i >= data.Length)
                return -1;
            var length = i - digits;
            var b = data[i];
            if (length > 9 || (uint)count >= (uint)values.Length)
                return -1;
            if (length == 0 && count == 0 && b != (byte)';')
            {
                // No parameters at all (CSI m) or not a plain list (a private marker, an intermediate).
                if ((uint)(b - 0x40) > 0x3E)
                    return -1;
                _count = 0;
                _subTotal = 0;
                _inSub = false;
                return i;
            }

            values[count++] = length == 0 ? Omitted : Math.Min(MaxValue, value);
            if (b == (byte)';')
            {
                i++;
                continue;
            }

            if ((uint)(b - 0x40) > 0x3E)
                return -1;
            _count = count;
            _subTotal = 0;
            _inSub = false;
            return i;
        }
    }

    private bool _overflowParams;
    private bool _overflowSub;
    // Where the digits of a dropped parameter go (past MaxParams or MaxSubParams).
    private int _dropped;

    /// <summary>The value the next digit goes into.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref int CurrentSlot()
    {
        if (_overflowSub)
            return ref _dropped;
        if (_inSub)
            return ref _subValues[_subTotal - 1];
        if (_overflowParams)
            return ref _dropped;
        return ref _values[_count - 1];
    }

    private void StartSubParam()
    {
        if (_subTotal < MaxSubParams && _count <= MaxParams)
        {
            _subValues[_subTotal++] = Omitted;
            _subCount[_count - 1]++;
            _inSub = true;
        }
        else
        {
            _inSub = false; // dropped: further digits go nowhere
            _overflowSub = true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StartParam()
    {
        _overflowSub = false;
        if (_count >= MaxParams)
        {
            _overflowParams = true;
            return;
        }

        _overflowParams = false;
        _values[_count] = Omitted;
        _subStart[_count] = (byte)_subTotal;
        _subCount[_count] = 0;
        _count++;
    }

    internal void CopyFrom(VtParams other)
    {
        other._values.AsSpan(0, other._count).CopyTo(_values);
        other._subValues.AsSpan(0, other._subTotal).CopyTo(_subValues);
        other._subStart.AsSpan(0, other._count).CopyTo(_subStart);
        other._subCount.AsSpan(0, other._count).CopyTo(_subCount);
        _count = other._count;
        _subTotal = other._subTotal;
    }

    /// <summary>Test and debug form: <c>1;38:2::255</c>, omitted values empty.</summary>
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < _count; i++)
        {
            if (i > 0)
                sb.Append(';');
            if (_values[i] != Omitted)
                sb.Append(_values[i]);
            foreach (var sub in SubParams(i))
            {
                sb.Append(':');
                if (sub != Omitted)
                    sb.Append(sub);
            }
        }

        return sb.ToString();
    }
}
