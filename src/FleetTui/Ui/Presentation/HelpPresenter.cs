using System.Globalization;
using FleetTui.Ui.Keys;
using FleetTui.Ui.Views;

namespace FleetTui.Ui.Presentation;

/// <summary>Pure: the help overlay, generated from the keymap so it can never disagree with the keys.</summary>
public static class HelpPresenter
{
    public static IReadOnlyList<StyledLine> Lines(Keymap keymap)
    {
        var lines = new List<StyledLine>
        {
            StyledLine.Of($" FleetTui keys — prefix {keymap.Prefix}, then a key. Every other key goes to the focused pane.", TextRole.Accent),
            StyledLine.Of(""),
        };
        var collapsePanes = PaneJumpsFollowOnePattern(keymap);
        var rows = new List<(string Keys, string Description)>();
        foreach (var binding in keymap.Bindings)
        {
            if (binding.Keys.Count == 0 || (collapsePanes && binding.Command is > UiCommand.FocusPane1 and <= UiCommand.FocusPane9))
                continue;
            rows.Add(collapsePanes && binding.Command == UiCommand.FocusPane1
                ? (string.Join(", ", binding.Keys.Select(k => NumberedAs(k, "1..9"))), "Focus pane 1..9")
                : (string.Join(", ", binding.Keys), binding.Description));
        }
        var width = rows.Max(r => r.Keys.Length);
        foreach (var (keys, description) in rows)
            lines.Add(new StyledLine([new StyledRun($"  {keys.PadRight(width)}  ", TextRole.Accent), new StyledRun(description, TextRole.Normal)]));
        lines.Add(StyledLine.Of(""));
        lines.Add(StyledLine.Of("  Press any key to close.", TextRole.Muted));
        return lines;
    }

    /// <summary>
    /// True when pane N's keys are pane 1's with the 1 replaced by N (the default Alt+N / prefix N): the nine bindings then
    /// fit on one help line, which keeps the help within a small screen.
    /// </summary>
    private static bool PaneJumpsFollowOnePattern(Keymap keymap)
    {
        if (keymap.Find(UiCommand.FocusPane1) is not { Keys.Count: > 0 } first || first.Keys.Any(k => !k.ToString().EndsWith('1')))
            return false;
        for (var n = 2; n <= 9; n++)
        {
            var keys = keymap.Find(UiCommand.FocusPane1 + (n - 1))?.Keys.Select(k => k.ToString()) ?? [];
            if (!keys.SequenceEqual(first.Keys.Select(k => NumberedAs(k, n.ToString(CultureInfo.InvariantCulture)))))
                return false;
        }
        return true;
    }

    private static string NumberedAs(KeySequence keys, string number) => keys.ToString()[..^1] + number;
}
