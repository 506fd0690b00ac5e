using FleetTui.Ui.Keys;
using FleetTui.Ui.Views;

namespace FleetTui.Ui.Presentation;

/// <summary>
/// Pure: the help overlay, generated from the keymap so it can never disagree with the keys. Like lazygit, it shows the
/// keys of where the keyboard is: the global ones, or a panel's own. Nine numbered commands bound alike (focus pane N,
/// send Alt+N) show as one line. Lines are cut to the width given, ending in "…".
/// </summary>
public static class HelpPresenter
{
    public static IReadOnlyList<StyledLine> Lines(Keymap keymap, KeyScope scope = KeyScope.Global, int width = int.MaxValue)
    {
        var lines = new List<StyledLine>
        {
            StyledLine.Of(scope switch
            {
                KeyScope.MergePanel => " Merge-order panel keys — select a task, then act. Global prefix keys still work.",
                _ => $" FleetTui keys — prefix {keymap.Prefix}, then a key. Every other key goes to the focused pane.",
            }, TextRole.Accent),
            StyledLine.Of(""),
        };
        var rows = Rows(keymap.Bindings.Where(b => b.Scope == scope && b.Keys.Count > 0).ToList());
        var keysWidth = rows.Count == 0 ? 0 : Math.Min(rows.Max(r => r.Keys.Length), Math.Max(8, width / 2 - 4));
        foreach (var (keys, description) in rows)
            lines.Add(new StyledLine([new StyledRun($"  {Fit(keys, keysWidth).PadRight(keysWidth)}  ", TextRole.Accent), new StyledRun(description, TextRole.Normal)]));
        lines.Add(StyledLine.Of(""));
        if (scope == KeyScope.Global && keymap.FirstKeyText(UiCommand.FocusMergePanel) is { } panelKey)
            lines.Add(StyledLine.Of($"  In the merge-order panel ({panelKey}), ? lists its own keys.", TextRole.Muted));
        lines.Add(StyledLine.Of("  Press any key to close.", TextRole.Muted));
        return [.. lines.Select(line => line.Fit(width))];
    }

    /// <summary>One (keys, description) per binding, a run of nine numbered ones bound alike folded into one.</summary>
    private static List<(string Keys, string Description)> Rows(List<KeyBinding> bindings)
    {
        var rows = new List<(string, string)>();
        for (var i = 0; i < bindings.Count; i++)
        {
            if (i + 8 < bindings.Count && FoldedNine(bindings.GetRange(i, 9)) is { } folded)
            {
                rows.Add(folded);
                i += 8;
                continue;
            }
            rows.Add((string.Join(", ", bindings[i].Keys), bindings[i].Description));
        }
        return rows;
    }

    /// <summary>Nine bindings of consecutive commands whose keys and descriptions differ only by the digits 1..9.</summary>
    private static (string, string)? FoldedNine(List<KeyBinding> nine)
    {
        var keys = string.Join(", ", nine[0].Keys);
        var description = nine[0].Description;
        if (!keys.Contains('1') || !description.Contains('1'))
            return null;
        for (var n = 2; n <= 9; n++)
        {
            var binding = nine[n - 1];
            if (binding.Command != nine[0].Command + (n - 1)
                || string.Join(", ", binding.Keys) != keys.Replace('1', (char)('0' + n))
                || binding.Description != description.Replace('1', (char)('0' + n)))
                return null;
        }
        return (keys.Replace("1", "1..9", StringComparison.Ordinal), description.Replace("1", "N", StringComparison.Ordinal));
    }

    private static string Fit(string text, int width) => width <= 0 ? "" : text.Length <= width ? text : text[..(width - 1)] + "…";
}
