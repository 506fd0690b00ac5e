using System.Globalization;

namespace FleetTui.Demo;

/// <summary>
/// The demo agent's screen as text, pure functions of what to show and the width: the transcript entries and the live region
/// (spinner, input box, approval prompt) in the look of Claude Code. Every glyph used is one column wide.
/// </summary>
public static class DemoAgentView
{
    /// <summary>Claude Code's spinner glyphs, breathing in and out.</summary>
    private static readonly string[] SpinnerGlyphs = ["·", "✢", "✳", "✶", "✻", "✽", "✻", "✶", "✳", "✢"];

    private static readonly string[] TitleSpinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

    public const string ApprovalQuestion = "Do you want to make this edit?";

    public const string Interrupt = "esc to interrupt";

    public static string WorkingTitle(string task, int frame) => $"{TitleSpinner[frame % TitleSpinner.Length]} {task}: working";

    public static string WaitingTitle(string task) => $"✳ {task}: waiting";

    public static string IdleTitle(string task) => $"✳ {task}: idle";

    public static IReadOnlyList<string> Welcome(string task, string directory, int width)
    {
        var boxWidth = Math.Clamp(width, 20, 70);
        return
        [
            .. Box(boxWidth, DemoPalette.Accent,
            [
                (DemoPalette.Accent, "✻ Welcome to the FleetTui demo agent!"),
                (DemoPalette.Text, ""),
                (DemoPalette.Muted, $"  task: {task} (a scripted stand-in for an AI agent)"),
                (DemoPalette.Muted, $"  cwd: {directory}"),
            ]),
            "",
        ];
    }

    public static IReadOnlyList<string> PromptEcho(string prompt, int width) =>
        [DemoPalette.PromptEcho + AnsiText.Clip($"> {prompt}", Math.Max(width, 4)), ""];

    public static string Bullet(string color, string text) => $"{color}●{AnsiText.Reset} {DemoPalette.Text}{text}";

    public static string Result(string text) => $"{DemoPalette.Muted}  ⎿  {text}";

    public static string Continuation(string text) => $"{DemoPalette.Muted}     {text}";

    /// <summary>Removed lines on red, added lines on green, each with its line number, like Claude Code's Update view.</summary>
    public static IReadOnlyList<string> Diff(DemoEditOutcome outcome, int width)
    {
        var lines = new List<string>();
        var rowWidth = Math.Max(width - 6, 10);
        for (var i = 0; i < outcome.Removed.Count; i++)
            lines.Add($"      {DemoPalette.RemovedLine}{AnsiText.Fit(DiffRow(outcome.FirstLine + i, '-', outcome.Removed[i]), rowWidth)}");
        for (var i = 0; i < outcome.Added.Count; i++)
            lines.Add($"      {DemoPalette.AddedLine}{AnsiText.Fit(DiffRow(outcome.FirstLine + i, '+', outcome.Added[i]), rowWidth)}");
        return lines;
    }

    /// <summary>"✻ Thinking… (12s · 340 tokens · esc to interrupt)".</summary>
    public static string Spinner(int frame, string verb, int seconds, int tokens, int width)
    {
        var glyph = SpinnerGlyphs[frame % SpinnerGlyphs.Length];
        var text = string.Create(CultureInfo.InvariantCulture, $"{verb}… ({seconds}s · {tokens} tokens · {Interrupt})");
        return $"{DemoPalette.Accent}{glyph} {AnsiText.Clip(text, Math.Max(width - 2, 1))}";
    }

    /// <summary>The bordered input box with its hint line; the caret is drawn (inverse) because the real cursor stays hidden.</summary>
    public static IReadOnlyList<string> InputBox(string text, int width)
    {
        var inner = Math.Max(width - 4, 4);
        var content = AnsiText.Clip($"> {text}", inner - 1);
        var row = $"{DemoPalette.Text}{content}{AnsiText.Inverse} {AnsiText.Reset}{new string(' ', inner - content.Length - 1)}";
        return
        [
            $"{DemoPalette.Border}╭{new string('─', inner + 2)}╮",
            $"{DemoPalette.Border}│ {AnsiText.Reset}{row}{DemoPalette.Border} │",
            $"{DemoPalette.Border}╰{new string('─', inner + 2)}╯",
            $"{DemoPalette.Muted}  ? for shortcuts",
        ];
    }

    /// <summary>The approval prompt that makes an agent wait: the edit's diff, the question, and the choices with the selected one marked.</summary>
    public static IReadOnlyList<string> ApprovalBox(DemoEditOutcome preview, bool yesSelected, int width)
    {
        var rows = new List<(string Color, string Text)>
        {
            (DemoPalette.Permission + AnsiText.Bold, "Edit file"),
            (DemoPalette.Text, preview.Path),
        };
        for (var i = 0; i < preview.Removed.Count; i++)
            rows.Add((DemoPalette.RemovedLine, DiffRow(preview.FirstLine + i, '-', preview.Removed[i])));
        for (var i = 0; i < preview.Added.Count; i++)
            rows.Add((DemoPalette.AddedLine, DiffRow(preview.FirstLine + i, '+', preview.Added[i])));
        rows.Add((DemoPalette.Text, ""));
        rows.Add((DemoPalette.Text, ApprovalQuestion));
        rows.Add(yesSelected ? (DemoPalette.Permission, "❯ 1. Yes") : (DemoPalette.Text, "  1. Yes"));
        rows.Add(yesSelected ? (DemoPalette.Text, "  2. No, and tell the agent what to do differently") : (DemoPalette.Permission, "❯ 2. No, and tell the agent what to do differently"));
        return Box(Math.Max(width, 12), DemoPalette.Permission, rows);
    }

    public static IReadOnlyList<string> WorkingLive(string spinner, int width) => ["", spinner, "", .. InputBox("", width)];

    public static IReadOnlyList<string> IdleLive(string input, int width) => ["", .. InputBox(input, width)];

    private static string DiffRow(int line, char sign, string text) =>
        string.Create(CultureInfo.InvariantCulture, $"{line,4} {sign}{text}");

    private static List<string> Box(int width, string borderColor, IReadOnlyList<(string Color, string Text)> rows)
    {
        var inner = width - 4;
        var lines = new List<string> { $"{borderColor}╭{new string('─', inner + 2)}╮" };
        foreach (var (color, text) in rows)
            lines.Add($"{borderColor}│ {AnsiText.Reset}{color}{AnsiText.Fit(text, inner)}{AnsiText.Reset}{borderColor} │");
        lines.Add($"{borderColor}╰{new string('─', inner + 2)}╯");
        return lines;
    }
}
