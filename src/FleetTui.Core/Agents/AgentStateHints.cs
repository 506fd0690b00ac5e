using System.Text.RegularExpressions;

namespace FleetTui.Core.Agents;

/// <summary>
/// A preset's screen and title patterns. Applied to the last <see cref="ScreenLines"/> non-blank lines only, because
/// an agent's transcript above its input box is full of text that merely looks like a prompt or a spinner.
/// Precedence: a choice menu (waiting) beats a retry countdown (stuck), which beats a spinner (working), which beats a
/// question (waiting), which beats a failed turn (stuck), which beats an input box (idle): a spinner on screen means the
/// question or the error above it is transcript, while a numbered "1. Yes" menu is always live.
/// </summary>
public sealed record AgentStateHints
{
    /// <summary>Numbered approval menus and y/n prompts: certain evidence of waiting.</summary>
    public IReadOnlyList<Regex> Choice { get; init; } = [];

    /// <summary>Spinner lines: "esc to interrupt", a spinner glyph with "…".</summary>
    public IReadOnlyList<Regex> Working { get; init; } = [];

    /// <summary>Questions that mean waiting unless a spinner is also shown ("Do you want", "Allow …?", "Press Enter").</summary>
    public IReadOnlyList<Regex> Question { get; init; } = [];

    /// <summary>
    /// An API error the agent is blocked on while it still looks busy (a retry countdown drawn as its spinner): beats a
    /// spinner, since it is the spinner.
    /// </summary>
    public IReadOnlyList<Regex> Stuck { get; init; } = [];

    /// <summary>An API error that ended the turn ("credit balance too low"): beats only the idle prompt below it.</summary>
    public IReadOnlyList<Regex> Failed { get; init; } = [];

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

    public ScreenVerdict ClassifyScreen(IReadOnlyList<string> lines, bool cursorVisible) => MatchScreen(lines, cursorVisible).Verdict;

    /// <summary>The verdict with the rule that gave it and the lines it matched (for <c>fleet explain</c>).</summary>
    public ScreenMatch MatchScreen(IReadOnlyList<string> lines, bool cursorVisible)
    {
        var tail = LastNonBlank(lines, ScreenLines);
        if (tail.Count == 0)
            return ScreenMatch.None;
        if (Matching(Choice, tail) is { Count: > 0 } choice)
            return new ScreenMatch(ScreenVerdict.Waiting, "choice", choice);
        if (Matching(Stuck, tail) is { Count: > 0 } stuck)
            return new ScreenMatch(ScreenVerdict.Stuck, "stuck", stuck);
        if (Matching(Working, tail) is { Count: > 0 } working)
            return new ScreenMatch(ScreenVerdict.Working, "working", working);
        if (Matching(Question, tail) is { Count: > 0 } question)
            return new ScreenMatch(ScreenVerdict.Waiting, "question", question);
        if (Matching(Failed, tail) is { Count: > 0 } failed)
            return new ScreenMatch(ScreenVerdict.Stuck, "failed", failed);
        if ((cursorVisible || !PromptNeedsCursor) && Matching(Prompt, tail) is { Count: > 0 } prompt)
            return new ScreenMatch(ScreenVerdict.Prompt, "prompt", prompt);
        return ScreenMatch.None;
    }

    /// <summary>The activity a window title announces, or null when it says nothing we know.</summary>
    public AgentActivity? ClassifyTitle(string title) =>
        AnyMatch(TitleWaiting, [title]) ? AgentActivity.WaitingForInput
        : AnyMatch(TitleWorking, [title]) ? AgentActivity.Working
        : AnyMatch(TitleIdle, [title]) ? AgentActivity.Idle
        : null;

    private static List<string>? Matching(IReadOnlyList<Regex> patterns, IReadOnlyList<string> lines)
    {
        List<string>? matched = null;
        foreach (var line in lines)
        {
            foreach (var pattern in patterns)
            {
                if (pattern.IsMatch(line))
                {
                    (matched ??= []).Add(line.Trim());
                    break;
                }
            }
        }

        return matched;
    }

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
