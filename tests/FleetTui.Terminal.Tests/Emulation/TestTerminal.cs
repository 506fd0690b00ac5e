using System.Text;
using FleetTui.Terminal.Emulation;

namespace FleetTui.Terminal.Tests.Emulation;

/// <summary>A small virtual terminal for tests: feed text, read the screen back as lines, collect replies.</summary>
internal sealed class TestTerminal
{
    private readonly StringBuilder _replies = new();

    public TestTerminal(int columns = 10, int rows = 4, int scrollback = 100)
    {
        Terminal = new VirtualTerminal(columns, rows, scrollback);
        Terminal.Replied += bytes => _replies.Append(Encoding.UTF8.GetString(bytes));
    }

    public VirtualTerminal Terminal { get; }

    public FleetTui.Terminal.Screen.ScreenBuffer Screen => Terminal.Screen;

    public string Replies => _replies.ToString();

    public TestTerminal Feed(string text)
    {
        Terminal.Feed(text);
        return this;
    }

    /// <summary>Every visible row, trailing blanks trimmed, joined with '|'.</summary>
    public string Text
    {
        get
        {
            var rows = new string[Screen.Rows];
            for (var r = 0; r < Screen.Rows; r++)
                rows[r] = Screen.GetRowText(r);
            return string.Join('|', rows);
        }
    }

    public string History
    {
        get
        {
            var rows = new string[Screen.Scrollback.Count];
            for (var i = 0; i < rows.Length; i++)
                rows[i] = Screen.GetRowText(i - rows.Length);
            return string.Join('|', rows);
        }
    }

    public (int Row, int Column) CursorPosition => (Screen.Cursor.Row, Screen.Cursor.Column);
}
