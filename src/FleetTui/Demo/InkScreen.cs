using System.Text;

namespace FleetTui.Demo;

/// <summary>
/// Draws the way Ink (the React renderer behind Claude Code and Gemini CLI) does: finished output is written once and scrolls
/// away like any terminal text (the transcript); the live part at the bottom (spinner, input box, prompts) is erased line by line
/// with cursor-up + erase-line and rewritten on every frame, inside a synchronized update (DEC mode 2026) so it never tears.
/// </summary>
public sealed class InkScreen(TextWriter output)
{
    private readonly List<string> _transcript = [];
    private IReadOnlyList<string> _live = [];
    private string? _title;

    /// <summary>Every finished line written so far.</summary>
    public IReadOnlyList<string> Transcript => _transcript;

    /// <summary>The live region as last drawn.</summary>
    public IReadOnlyList<string> Live => _live;

    /// <summary>One frame: appends <paramref name="finished"/> to the transcript, redraws the live region, sets the title if it changed.</summary>
    public void Render(IReadOnlyList<string> finished, IReadOnlyList<string> live, string title)
    {
        var frame = new StringBuilder().Append(AnsiText.BeginSynchronizedUpdate);
        EraseLive(frame);
        foreach (var line in finished)
        {
            AppendLine(frame, line);
            _transcript.Add(line);
        }
        foreach (var line in live)
            AppendLine(frame, line);
        AppendTitle(frame, title);
        frame.Append(AnsiText.EndSynchronizedUpdate);
        _live = live;
        Write(frame);
    }

    /// <summary>
    /// After a resize the terminal may have rewrapped the live lines, so erasing them line by line would leave debris:
    /// clear everything and write the transcript again, as Ink does when the width changes.
    /// </summary>
    public void RenderAfterResize(IReadOnlyList<string> live, string title)
    {
        var frame = new StringBuilder().Append(AnsiText.BeginSynchronizedUpdate).Append(AnsiText.ClearScreenAndScrollback);
        foreach (var line in _transcript)
            AppendLine(frame, line);
        foreach (var line in live)
            AppendLine(frame, line);
        _title = null;
        AppendTitle(frame, title);
        frame.Append(AnsiText.EndSynchronizedUpdate);
        _live = live;
        Write(frame);
    }

    /// <summary>Writes sequences that draw nothing (notifications, the bell, cursor visibility).</summary>
    public void Emit(string sequences)
    {
        output.Write(sequences);
        output.Flush();
    }

    /// <summary>Ink's eraseLines: the cursor sits on the empty line below the live region; erase it and every live line above.</summary>
    private void EraseLive(StringBuilder frame)
    {
        frame.Append(AnsiText.EraseLine);
        for (var i = 0; i < _live.Count; i++)
            frame.Append(AnsiText.CursorUp).Append(AnsiText.EraseLine);
        frame.Append(AnsiText.CursorToColumnOne);
    }

    private static void AppendLine(StringBuilder frame, string line) =>
        frame.Append(line).Append(AnsiText.Reset).Append("\r\n");

    private void AppendTitle(StringBuilder frame, string title)
    {
        if (title == _title)
            return;
        frame.Append(AnsiText.Title(title));
        _title = title;
    }

    private void Write(StringBuilder frame)
    {
        output.Write(frame);
        output.Flush();
    }
}
