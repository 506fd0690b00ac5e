using System.Text;
using FleetTui.Terminal.Parsing;

namespace FleetTui.Terminal.Tests.Parsing;

/// <summary>Logs every parser callback as a line of text; consecutive prints are merged so chunking doesn't matter.</summary>
internal sealed class RecordingHandler : IVtHandler
{
    private readonly List<string> _log = [];
    private readonly StringBuilder _print = new();
    private readonly StringBuilder _dcs = new();

    public IReadOnlyList<string> Log
    {
        get
        {
            FlushPrint();
            return _log;
        }
    }

    public void Print(ReadOnlySpan<int> codePoints)
    {
        foreach (var cp in codePoints)
            _print.Append(char.ConvertFromUtf32(cp));
    }

    public void Execute(byte control) => Add($"exec {control:X2}");

    public void CsiDispatch(VtParams parameters, VtCollected collected, byte final) =>
        Add($"csi {collected}{parameters}{(char)final}");

    public void EscDispatch(VtCollected collected, byte final) => Add($"esc {collected}{(char)final}");

    public void OscDispatch(ReadOnlySpan<byte> payload) => Add($"osc {Encoding.UTF8.GetString(payload)}");

    public void DcsHook(VtParams parameters, VtCollected collected, byte final)
    {
        Add($"hook {collected}{parameters}{(char)final}");
        _dcs.Clear();
    }

    public void DcsPut(ReadOnlySpan<byte> data) => _dcs.Append(Encoding.Latin1.GetString(data));

    public void DcsUnhook() => Add($"unhook {_dcs}");

    private void Add(string entry)
    {
        FlushPrint();
        _log.Add(entry);
    }

    private void FlushPrint()
    {
        if (_print.Length == 0)
            return;
        _log.Add($"print {_print}");
        _print.Clear();
    }
}
