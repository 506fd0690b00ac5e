namespace FleetTui.Ui.Views;

/// <summary>One line of chrome as presenters produce it: runs of text, each with a role. Views only paint these.</summary>
public sealed record StyledLine(IReadOnlyList<StyledRun> Runs)
{
    public static StyledLine Of(string text, TextRole role = TextRole.Normal) => new([new StyledRun(text, role)]);

    public string Text => string.Concat(Runs.Select(r => r.Text));
}

public sealed record StyledRun(string Text, TextRole Role);
