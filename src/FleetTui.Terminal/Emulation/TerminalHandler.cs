using System.Runtime.CompilerServices;
using System.Text;
using FleetTui.Terminal.Emulation.Csi;
using FleetTui.Terminal.Emulation.Dcs;
using FleetTui.Terminal.Emulation.Esc;
using FleetTui.Terminal.Emulation.Modes;
using FleetTui.Terminal.Emulation.Osc;
using FleetTui.Terminal.Parsing;
using FleetTui.Terminal.Screen;

namespace FleetTui.Terminal.Emulation;

/// <summary>
/// Applies what the parser recognises to a <see cref="ScreenBuffer"/>: printing with character sets, C0 controls,
/// CSI commands (registered per final byte in <see cref="CsiDispatchTable"/>), ESC, OSC and DCS. Raises events for what
/// the UI decides (title, bell, notifications, clipboard) and writes replies through <see cref="Replied"/>.
/// Event handlers run on the feeding thread with the terminal locked: they must be quick and must not block.
/// </summary>
public sealed class TerminalHandler : IVtHandler
{
    private static readonly CsiDispatchTable Csi = BuildCsiTable();

    private readonly int[] _translated = new int[4096];
    private readonly DecrqssRequest _decrqss = new();
    private bool _decrqssActive;

    public TerminalHandler(ScreenBuffer screen, TerminalPalette? palette = null)
    {
        Screen = screen;
        Palette = palette ?? new TerminalPalette();
        KittyFlags = new KittyFlagStack(screen.Modes);
    }

    public ScreenBuffer Screen { get; }

    public TerminalPalette Palette { get; }

    internal KittyFlagStack KittyFlags { get; }

    /// <summary>Bytes to write back to the program.</summary>
    public event TerminalReplyHandler? Replied;

    public event Action<string>? TitleChanged;

    public event Action<string>? WorkingDirectoryChanged;

    public event Action<TerminalNotification>? NotificationRequested;

    public event Action<ClipboardRequest>? ClipboardRequested;

    public event Action? Bell;

    /// <summary>Mode 2026 switched on (true) or off (false).</summary>
    internal event Action<bool>? SynchronizedOutputChanged;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    public void Print(ReadOnlySpan<int> codePoints)
    {
        var charset = Screen.Cursor.Charsets.Active;
        if (charset == Charset.Ascii)
        {
            Screen.Print(codePoints);
            return;
        }

        var translated = _translated.AsSpan(0, codePoints.Length);
        for (var i = 0; i < codePoints.Length; i++)
            translated[i] = CharsetTranslation.Translate(charset, codePoints[i]);
        Screen.Print(translated);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    public void PrintAscii(ReadOnlySpan<byte> text)
    {
        var charset = Screen.Cursor.Charsets.Active;
        if (charset == Charset.Ascii)
        {
            Screen.PrintAscii(text);
            return;
        }

        while (!text.IsEmpty)
        {
            var n = Math.Min(text.Length, _translated.Length);
            for (var i = 0; i < n; i++)
                _translated[i] = CharsetTranslation.Translate(charset, text[i]);
            Screen.Print(_translated.AsSpan(0, n));
            text = text[n..];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    public void Execute(byte control)
    {
        switch (control)
        {
            case 0x07: Bell?.Invoke(); break;
            case 0x08: Screen.Backspace(); break;
            case 0x09: Screen.TabForward(1); break;
            case 0x0A or 0x0B or 0x0C:
                Screen.LineFeed();
                Screen.Dirty.Mark(Screen.Cursor.Row);
                break;
            case 0x0D: Screen.CarriageReturn(); break;
            case 0x0E: Screen.Cursor.Charsets = Screen.Cursor.Charsets with { ShiftOut = true }; break;
            case 0x0F: Screen.Cursor.Charsets = Screen.Cursor.Charsets with { ShiftOut = false }; break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    public void CsiDispatch(VtParams parameters, VtCollected collected, byte final)
    {
        // SGR is most of the sequences programs send: called directly, not through the table's delegate. It changes only
        // the pen, which nothing on screen shows until a character is printed (and printing marks its row).
        if (final == (byte)'m' && collected.Key == 0)
        {
            SgrCommand.Apply(this, parameters);
            return;
        }

        Csi.Dispatch(this, parameters, collected, final);
        // Anything else a CSI does may move the cursor; the renderer redraws the cursor's row.
        Screen.Dirty.Mark(Screen.Cursor.Row);
    }

    public void EscDispatch(VtCollected collected, byte final) => EscCommands.Dispatch(this, collected, final);

    public void OscDispatch(ReadOnlySpan<byte> payload) => OscCommands.Dispatch(this, payload);

    public void DcsHook(VtParams parameters, VtCollected collected, byte final)
    {
        _decrqssActive = collected is { Private: 0, First: (byte)'$', Second: 0 } && final == 'q';
        if (_decrqssActive)
            _decrqss.Start();
    }

    public void DcsPut(ReadOnlySpan<byte> data)
    {
        if (_decrqssActive)
            _decrqss.Put(data);
    }

    public void DcsUnhook()
    {
        if (!_decrqssActive)
            return;
        _decrqssActive = false;
        Reply(_decrqss.Answer(Screen));
    }

    internal void Reply(string text)
    {
        var handler = Replied;
        if (handler is null)
            return;
        handler(Encoding.UTF8.GetBytes(text));
    }

    internal void SetTitle(string title)
    {
        Screen.Title = title;
        TitleChanged?.Invoke(title);
    }

    internal void SetWorkingDirectory(string uri)
    {
        Screen.WorkingDirectory = uri;
        WorkingDirectoryChanged?.Invoke(uri);
    }

    internal void Notify(TerminalNotification notification) => NotificationRequested?.Invoke(notification);

    internal void RequestClipboard(ClipboardRequest request) => ClipboardRequested?.Invoke(request);

    internal void SetSynchronizedOutput(bool on)
    {
        if (Screen.Modes.SynchronizedOutput == on)
            return;
        Screen.Modes.SynchronizedOutput = on;
        SynchronizedOutputChanged?.Invoke(on);
    }

    /// <summary>RIS.</summary>
    internal void FullReset()
    {
        var wasSynchronized = Screen.Modes.SynchronizedOutput;
        Screen.Reset();
        KittyFlags.Clear();
        Palette.ResetAll();
        if (wasSynchronized)
            SynchronizedOutputChanged?.Invoke(false);
    }

    private static CsiDispatchTable BuildCsiTable()
    {
        var table = new CsiDispatchTable();
        CursorCommands.Register(table);
        EditCommands.Register(table);
        SgrCommand.Register(table);
        ModeCommands.Register(table);
        ReportCommands.Register(table);
        KittyKeyboardCommands.Register(table);
        return table;
    }
}
