using FleetTui.Ui.Keys;
using FleetTui.Ui.Views;

namespace FleetTui.Ui.Presentation;

/// <summary>Pure: the status bar. Mode, focused task, tasks needing attention, and key hints taken from the keymap itself.</summary>
public static class StatusBarPresenter
{
    /// <param name="message">A short-lived message (a key not bound, a copy done): shown instead of the hints.</param>
    public static StyledLine Line(CockpitMode mode, string? focusedTask, int attention, Keymap keymap, bool awaitingPrefix, int width, string? message = null)
    {
        var left = $" {ModeText(mode, awaitingPrefix)} │ {focusedTask ?? "no task"} ";
        if (attention > 0)
            left += $"│ {attention} need{(attention == 1 ? "s" : "")} attention{(keymap.FirstKeyText(UiCommand.NextAttention) is { } jump ? $" ({jump})" : "")} ";
        var hints = mode switch
        {
            CockpitMode.Scroll => "↑↓ PgUp PgDn move · / search · n/N older/newer match · v select · y copy · q/Esc leave",
            CockpitMode.Search => "type to search · Enter find · Esc cancel",
            CockpitMode.MergePanel => string.Join(" · ", keymap.Bindings
                .Where(b => b.Scope == KeyScope.MergePanel && b.Keys.Count > 0 && b.Command is not (UiCommand.SelectNextTask or UiCommand.SelectPreviousTask))
                .Select(b => $"{b.Keys[0]} {MergePanelHintWord(b.Command)}")),
            _ => string.Join(" · ", new[]
            {
                Hint(keymap, UiCommand.Help, "help"),
                Hint(keymap, UiCommand.Zoom, "zoom"),
                Hint(keymap, UiCommand.NewTask, "new"),
                Hint(keymap, UiCommand.ScrollMode, "scroll"),
                Hint(keymap, UiCommand.Quit, "quit"),
            }.Where(h => h is not null)),
        };
        if (message is not null)
            hints = message;
        var room = width - left.Length;
        var right = room > 4 ? (hints.Length + 1 > room ? hints[..(room - 2)] + "…" : hints) + " " : "";
        var padding = Math.Max(0, width - left.Length - right.Length);
        var text = left + new string(' ', padding) + right;
        return StyledLine.Of(text.Length > width ? text[..width] : text, attention > 0 ? TextRole.Warning : TextRole.Normal);
    }

    private static string ModeText(CockpitMode mode, bool awaitingPrefix) => awaitingPrefix ? "PREFIX" : mode switch
    {
        CockpitMode.Scroll => "SCROLL",
        CockpitMode.Search => "SEARCH",
        CockpitMode.Dialog => "DIALOG",
        CockpitMode.MergePanel => "MERGE",
        _ => "NORMAL",
    };

    private static string? Hint(Keymap keymap, UiCommand command, string label) =>
        keymap.FirstKeyText(command) is { } keys ? $"{keys} {label}" : null;

    private static string MergePanelHintWord(UiCommand command) => command switch
    {
        UiCommand.MergeNext => "next",
        UiCommand.MergeAllReady => "all",
        UiCommand.MergeSelected => "merge",
        UiCommand.RunGate => "gate",
        UiCommand.ShowGateLog => "log",
        UiCommand.OpenReview => "open",
        UiCommand.RetryReview => "retry",
        UiCommand.MarkDone => "done",
        UiCommand.AcceptScope => "accept",
        UiCommand.DropTask => "drop",
        UiCommand.Help => "keys",
        UiCommand.LeavePanel => "leave",
        _ => UiCommandNames.ConfigName(command),
    };
}
