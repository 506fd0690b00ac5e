using System.Text.RegularExpressions;

namespace FleetTui.Core.Agents;

/// <summary>
/// A preset's screen and title patterns. Applied to the last <see cref="ScreenLines"/> non-blank lines only, because
/// an agent's transcript above its input box is full of text that merely looks like a prompt or a spinner.
/// Precedence: a choice menu (waiting) beats a spinner (working), which beats a question (waiting), which beats an input box (idle):
/// a spinner on screen means the question above it is transcript, while a numbered "1. Yes" menu is always live.
/// </summary>
public sealed record AgentStateHints
{
    /// <summary>Numbered approval menus and y/n prompts: certain evidence of waiting.</summary>
    public IReadOnlyList<Regex> Choice { get; init; } = [];

    /// <summary>Spinner lines: "esc to interrupt", a spinner glyph with "…".</summary>
    public IReadOnlyList<Regex> Working { get; init; } = [];

    /// <summary>Questions that mean waiting unless a spinner is also shown ("Do you want", "Allow …?", "Press Enter").</summary>
    public IReadOnlyList<Regex> Question { get; init; } = [];

    /// <summary>The input box / prompt of an idle agent.</summary>
    public IReadOnlyList<Regex> Prompt { get; init; } = [];

    /// <summary>Match <see cref="Prompt"/> only with the cursor visible (line-based programs: aider, shells; Ink apps hide it and draw their own).</summary>
    public bool PromptNeedsCursor { get; init; }

    public IReadOnlyList<Regex> TitleWorking { get; init; } = [];

    public IReadOnlyList<Regex> TitleWaiting { get; init; } = [];

    public IReadOnlyList<Regex> TitleIdle { get; init; } = [];

    /// <summary>
    /// How many non-blank lines from the bottom of the screen the patterns look at: the live region. For a line-based
    /// program that is the last line only, since an answered "(Y)es/(N)o" question stays on screen above the next prompt.
    /// </summary>
    public int ScreenLines { get; init; } = 12;

    public ScreenVerdict ClassifyScreen(IReadOnlyList<string> lines, bool cursorVisible)
    {
        var tail = LastNonBlank(lines, ScreenLines);
        if (tail.Count == 0)
            return ScreenVerdict.None;
        if (AnyMatch(Choice, tail))
            return ScreenVerdict.Waiting;
        if (AnyMatch(Working, tail))
            return ScreenVerdict.Working;
        if (AnyMatch(Question, tail))
            return ScreenVerdict.Waiting;
        return (cursorVisible || !PromptNeedsCursor) && AnyMatch(Prompt, tail) ? ScreenVerdict.Prompt : ScreenVerdict.None;
    }

    /// <summary>The activity a window title announces, or null when it says nothing we know.</summary>
    public AgentActivity? ClassifyTitle(string title) =>
        AnyMatch(TitleWaiting, [title]) ? AgentActivity.WaitingForInput
        : AnyMatch(TitleWorking, [title]) ? AgentActivity.Working
        : AnyMatch(TitleIdle, [title]) ? AgentActivity.Idle
        : null;

    private static bool AnyMatch(IReadOnlyList<Regex> patterns, IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            foreach (var pattern in patterns)
            {
                if (pattern.IsMatch(line))
                    return true;
            }
        }

        return false;
    }

    private static List<string> LastNonBlank(IReadOnlyList<string> lines, int count)
    {
        var tail = new List<string>(count);
        for (var i = lines.Count - 1; i >= 0 && tail.Count < count; i--)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
                tail.Add(lines[i]);
        }

        tail.Reverse();
        return tail;
    }
}
