using System.Text.RegularExpressions;

namespace FleetTui.Core.Agents;

/// <summary>
/// The state hints of the built-in presets, written against what each agent draws (Claude Code and Gemini CLI: Ink;
/// Codex CLI: ratatui; aider: plain lines with a readline prompt). Patterns are deliberately anchored to UI chrome
/// (menu markers, box borders, "esc to …") rather than words an agent might write in its answers.
/// </summary>
public static class AgentStatePatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static Regex R(string pattern) => new(pattern, Options);
    private static Regex I(string pattern) => new(pattern, Options | RegexOptions.IgnoreCase);

    /// <summary>"❯ 1. Yes" (Claude), "› 1. Yes, proceed" (Codex), "● 1. Yes, allow once" (Gemini), y/n prompts.</summary>
    private static readonly Regex[] CommonChoice =
    [
        R(@"^[\s│]*[❯›>●▶]\s*\d\.\s+(Yes|No)\b"),
        I(@"\((y/n|yes/no)\)|\[(y/n|Y/n|y/N)\]"),
        R(@"\(Y\)es/\(N\)o"),
    ];

    private static readonly Regex[] CommonQuestion =
    [
        R(@"\bDo you want to\b"),
        R(@"\bWould you like to\b"),
        R(@"^[\s│]*Allow\b.*\?\s*[│]?\s*$"),
        I(@"\bPress Enter\b"),
        R(@"\bApply (this|these) (change|edit)s?\?"),
    ];

    /// <summary>"esc to interrupt" (Claude, Codex), "esc to cancel" (Gemini), a spinner glyph followed by a word and an ellipsis.</summary>
    private static readonly Regex[] CommonWorking =
    [
        I(@"\besc to (interrupt|cancel)\b"),
        R(@"^\s*[·✢✳✶✻✽⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏◐◓◑◒]\s+\S[^…]*…"),
    ];

    private static readonly Regex[] TitleWorking = [R(@"^\s*[\u2801-\u28FF]"), I(@"\bworking\b")];
    private static readonly Regex[] TitleWaiting = [I(@"\bwaiting\b|\bneeds? (your )?(input|permission|approval|attention)\b")];
    private static readonly Regex[] TitleIdle = [R(@"^\s*✳"), I(@"\b(idle|ready)\b")];

    /// <summary>For an agent we have no specific patterns for (a custom argv): every generic rule.</summary>
    public static AgentStateHints Generic { get; } = new()
    {
        Choice = CommonChoice,
        Working = CommonWorking,
        Question = CommonQuestion,
        Prompt = [R(@"^[\s│┃▌]*[>›❯](\s|$)"), R(@"\? for shortcuts")],
        TitleWorking = TitleWorking,
        TitleWaiting = TitleWaiting,
        TitleIdle = TitleIdle,
    };

    /// <summary>
    /// Claude Code (2.1): "✻ Pondering… (12s · ↑ 1.2k tokens)" over a footer "esc to interrupt"; an input box "❯" between
    /// rules with "? for shortcuts" below; dialogs (permission, AskUserQuestion, folder trust, offers) end with a key
    /// hint: "Esc to cancel · Tab to amend", "Enter to select · ↑/↓ to navigate", "Enter to confirm · Esc to cancel".
    /// An API error it retries replaces the spinner: "✻ API error · retrying in 31s · attempt 1/10"; no credit ends the
    /// turn: "⎿ Credit balance too low · Add funds: …".
    /// </summary>
    public static AgentStateHints Claude { get; } = Generic with
    {
        Choice = [.. CommonChoice, R(@"Esc to cancel · Tab to amend"), R(@"\bEnter to (select|confirm)\b"), R(@"↑/?↓ to (navigate|choose)")],
        Stuck = [R(@"\bAPI error · retrying in\b"), R(@"\bretrying in \d+\s*s\b.*\battempt \d+/\d+")],
        Working = [.. CommonWorking, R(@"^\s*\*\s+\S[^…]*…"), R(@"[↑↓]\s*[\d.,]+k?\s+tokens")],
        Failed = [R(@"\bCredit balance (is )?too low\b"), R(@"^\s*⎿\s+API Error\b")],
        Prompt = [R(@"^\s*│\s*>(\s|$)"), R(@"^\s*>(\s|$)"), R(@"\? for shortcuts")],
    };

    /// <summary>
    /// Codex CLI: "• Working (12s • esc to interrupt)", a composer "› Ask Codex to do anything" / "▌", footer "⏎ send";
    /// approvals "› 1. Yes, proceed (y)" over "Press enter to confirm or esc to cancel"; a stream it retries
    /// "◦ Reconnecting... 1/5 (4s • esc to interrupt)".
    /// </summary>
    public static AgentStateHints Codex { get; } = Generic with
    {
        Choice = [.. CommonChoice, I(@"\bpress enter to confirm\b")],
        Stuck = [R(@"\bReconnecting\.\.\. \d+/\d+")],
        Failed = [I(@"\b(usage|rate) limit\b.*\b(reached|exceeded|hit)\b"), I(@"\bquota exceeded\b")],
        Prompt = [R(@"^\s*[▌›](\s|$)"), R(@"⏎ send")],
    };

    /// <summary>
    /// Gemini CLI: "⠋ Thinking… (esc to cancel, 5s)", "│ >   Type your message or @path/to/file │"; radio lists in boxes
    /// for folder trust, authentication and tool approval ("│ ● 1. Trust folder (t1) │", "(Use Enter to select)") — all
    /// while its title says "◇  Ready", so the screen must outvote the title there.
    /// </summary>
    public static AgentStateHints Gemini { get; } = Generic with
    {
        Choice = [.. CommonChoice, R(@"^[\s│]*●\s*\d+\.\s"), R(@"\(Use Enter to select\)"), R(@"\bDo you trust the files in this folder\?"),
            R(@"\bHow would you like to authenticate\b")],
        // Its dialogs are tall boxes, and it prints its own debug lines below them (seen: an IDE-connection error under
        // the auth dialog pushed the choices out of a 12-line window, and the "Ready" title won).
        ScreenLines = 30,
        Failed = [I(@"\b(quota|rate limit)\b.*\b(exceeded|reached)\b"), R(@"\bRESOURCE_EXHAUSTED\b")],
        Prompt = [R(@"^\s*│\s*>(\s|$)"), R(@"Type your message")],
    };

    /// <summary>aider: a "Waiting for &lt;model&gt;" spinner, "(Y)es/(N)o" questions, a readline prompt "&gt; " (or "architect&gt; ").</summary>
    public static AgentStateHints Aider { get; } = Generic with
    {
        Working = [.. CommonWorking, R(@"Waiting for \S+\s*$")],
        Prompt = [R(@"^[\w-]*>(\s|$)")],
        PromptNeedsCursor = true,
        ScreenLines = 1,
    };

    /// <summary>A shell: a prompt ending in $, #, %, &gt; or ❯ on the last line, with the cursor shown.</summary>
    public static AgentStateHints Shell { get; } = Generic with
    {
        Working = [],
        Question = [],
        Prompt = [R(@"[$#%>❯](\s|$)")],
        PromptNeedsCursor = true,
        ScreenLines = 1,
    };
}
