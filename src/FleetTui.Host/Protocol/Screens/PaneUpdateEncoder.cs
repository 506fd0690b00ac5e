using FleetTui.Host.Panes;
using FleetTui.Terminal.Screen;

namespace FleetTui.Host.Protocol.Screens;

/// <summary>
/// What one client was last sent of one pane, and the next update as a diff against it: the rows whose encoding changed,
/// and the header (size, cursor, title, exit) when any of it did. Comparing encodings instead of tracking which rows the
/// emulator touched keeps several clients, each at its own pace and scroll offset, independent of each other: a client
/// that was away for a while gets exactly the rows that differ from what it shows, never a backlog.
/// </summary>
public sealed class PaneUpdateEncoder
{
    private PaneTerminal? _terminal;
    private long _version = -1;
    private Header _header;
    private byte[][] _sentRows = [];
    private int[] _sentLengths = [];
    private readonly WireWriter _row = new(1024);

    /// <summary>The pane's program holds a synchronized update: its frame is not complete yet, look again shortly.</summary>
    public bool Held { get; private set; }

    /// <summary>
    /// Appends the pane's update to <paramref name="output"/>; returns false (writing nothing) when the client already
    /// shows the pane's current state. A null <paramref name="terminal"/> means the task has no terminal (any more).
    /// </summary>
    public bool Encode(string task, PaneTerminal? terminal, int scrollOffset, WireWriter output)
    {
        Held = false;
        if (terminal is null)
        {
            if (_terminal is null)
                return false;
            _terminal = null;
            _version = -1;
            WriteHeader(task, new Header(PaneFlags.Gone | PaneFlags.Reset, 0, 0, 0, 0, 0, 0, "", ""), output);
            output.U32(0); // no rows
            return true;
        }

        var reset = !ReferenceEquals(terminal, _terminal);
        var emulator = terminal.Terminal;
        lock (emulator.SyncRoot)
        {
            if (!reset && emulator.Version == _version && _header.Offset == ClampOffset(emulator.Screen, scrollOffset) && _header.Exit == ExitText(terminal))
                return false;
            if (!reset && emulator.IsFrameHeld)
            {
                Held = true;
                return false;
            }
            var screen = emulator.Screen;
            var header = HeaderOf(terminal, screen, ClampOffset(screen, scrollOffset), reset);
            var reshaped = reset || header.Columns != _header.Columns || header.Rows != _header.Rows;
            if (reshaped)
                Reshape(header.Rows);
            var start = output.Length;
            WriteHeader(task, header, output);
            var countAt = output.Placeholder();
            var count = 0;
            for (var row = 0; row < header.Rows; row++)
            {
                _row.Clear();
                // Trailing default blanks are never sent: a line whose blank tail is default is encoded from what it stores.
                var line = screen.GetLine(row - header.Offset);
                RowCodec.Encode(line.FillStyle == default ? line.StoredCells : line.Cells, screen, _row);
                if (!reshaped && _row.WrittenSpan.SequenceEqual(_sentRows[row].AsSpan(0, _sentLengths[row])))
                    continue;
                Remember(row, _row.WrittenSpan);
                output.U16(row);
                output.U32((uint)_row.Length);
                output.Bytes(_row.WrittenSpan);
                count++;
            }
            output.PatchU32(countAt, (uint)count);
            _terminal = terminal;
            _version = emulator.Version;
            var headerChanged = header != _header;
            _header = header with { Flags = header.Flags & ~PaneFlags.Reset };
            if (count == 0 && !headerChanged && !reshaped)
            {
                output.Truncate(start);
                return false;
            }
            return true;
        }
    }

    /// <summary>Forget what was sent: the next update carries every row (the client lost its copy).</summary>
    public void Invalidate()
    {
        _terminal = null;
        _version = -1;
    }

    private static int ClampOffset(ScreenBuffer screen, int offset) =>
        Math.Clamp(offset, 0, screen.IsAlternateScreen ? 0 : screen.Scrollback.Count);

    private static string ExitText(PaneTerminal terminal) =>
        terminal.StartError ?? (terminal.ExitStatus is { } status ? status.ToString() : "");

    private static Header HeaderOf(PaneTerminal terminal, ScreenBuffer screen, int offset, bool reset)
    {
        var flags = reset ? PaneFlags.Reset : PaneFlags.None;
        if (screen.Modes.CursorVisible && offset == 0)
            flags |= PaneFlags.CursorVisible;
        if (screen.Modes.MouseTracking != MouseTracking.None)
            flags |= PaneFlags.MouseWanted;
        if (terminal.IsRunning)
            flags |= PaneFlags.Running;
        if (screen.IsAlternateScreen)
            flags |= PaneFlags.AlternateScreen;
        if (terminal.StartError is not null)
            flags |= PaneFlags.StartFailed;
        return new Header(flags, screen.Columns, screen.Rows, screen.Cursor.Row, screen.Cursor.Column,
            screen.IsAlternateScreen ? 0 : screen.Scrollback.Count, offset, screen.Title, ExitText(terminal));
    }

    private static void WriteHeader(string task, in Header header, WireWriter output)
    {
        output.String(task);
        output.U8((byte)header.Flags);
        output.U16(header.Columns);
        output.U16(header.Rows);
        output.U16(header.CursorRow);
        output.U16(header.CursorColumn);
        output.U32((uint)header.History);
        output.U32((uint)header.Offset);
        output.String(header.Title);
        output.String(header.Exit);
    }

    private void Reshape(int rows)
    {
        _sentRows = new byte[rows][];
        _sentLengths = new int[rows];
        for (var row = 0; row < rows; row++)
            _sentRows[row] = [];
    }

    private void Remember(int row, ReadOnlySpan<byte> encoded)
    {
        if (_sentRows[row].Length < encoded.Length)
            _sentRows[row] = new byte[Math.Max(encoded.Length, 64)];
        encoded.CopyTo(_sentRows[row]);
        _sentLengths[row] = encoded.Length;
    }

    private readonly record struct Header(
        PaneFlags Flags, int Columns, int Rows, int CursorRow, int CursorColumn, int History, int Offset, string Title, string Exit);
}
