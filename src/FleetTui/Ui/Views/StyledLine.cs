namespace FleetTui.Ui.Views;

/// <summary>One line of chrome as presenters produce it: runs of text, each with a role. Views only paint these.</summary>
public sealed record StyledLine(IReadOnlyList<StyledRun> Runs)
{
    public static StyledLine Of(string text, TextRole role = TextRole.Normal) => new([new StyledRun(text, role)]);

    public string Text => string.Concat(Runs.Select(r => r.Text));

    /// <summary>This line cut to <paramref name="width"/> columns, a cut run ending in "…" (itself when it fits).</summary>
    public StyledLine Fit(int width)
    {
        if (Text.Length <= width)
            return this;
        var runs = new List<StyledRun>();
        var used = 0;
        foreach (var run in Runs)
        {
            var room = width - used;
            if (room <= 0)
                break;
            var text = run.Text.Length <= room ? run.Text : run.Text[..(room - 1)] + "…";
            runs.Add(run with { Text = text });
            used += text.Length;
        }
        return new StyledLine(runs);
    }
}

public sealed record StyledRun(string Text, TextRole Role);
