using System.Text;
using Terminal.Gui.Drivers;

namespace FleetTui.Ui.MainLoop;

/// <summary>
/// Terminal.Gui's ANSI output, except that a frame reaches the terminal in one <c>write(2)</c>. The stock output writes
/// every run of changed cells and every cursor move as a separate write: hundreds of syscalls a frame with busy panes,
/// each waking the outer terminal (tmux, sshd) for a few bytes, and over SSH as many small packets.
/// Outside a frame (the cursor shown or hidden, mode switches) it writes as before.
/// </summary>
internal sealed class BatchedAnsiOutput : AnsiOutput
{
    private readonly StringBuilder _frame = new(64 * 1024);
    private bool _inFrame;

    public override void Write(IOutputBuffer buffer)
    {
        _inFrame = true;
        try
        {
            base.Write(buffer);
        }
        finally
        {
            _inFrame = false;
            if (_frame.Length > 0)
            {
                base.Write(_frame);
                _frame.Clear();
            }
        }
    }

    protected override void Write(StringBuilder output)
    {
        if (_inFrame)
            _frame.Append(output);
        else
            base.Write(output);
    }

    /// <summary>Inside a frame, a cursor move joins the frame's text (fleet is full-screen: row 0 is the terminal's first).</summary>
    protected override bool SetCursorPositionImpl(int col, int row)
    {
        if (!_inFrame)
            return base.SetCursorPositionImpl(col, row);
        _frame.Append("\u001b[").Append(row + 1).Append(';').Append(col + 1).Append('H');
        return true;
    }
}
