namespace FleetTui.Demo;

/// <summary>
/// What one scripted demo agent does for its task: the prompt it was given and its steps, in order; and, for a task
/// whose work deserves a review comment, the steps it takes when review comments reach it.
/// </summary>
public sealed record DemoScript(string Task, string Prompt, IReadOnlyList<DemoStep> Steps, IReadOnlyList<DemoStep>? ReviewFix = null)
{
    /// <summary>The steps that answer review comments (none: the agent only says its work is committed).</summary>
    public IReadOnlyList<DemoStep> ReviewFixSteps => ReviewFix ?? [];

    /// <summary>Distinct files the script edits or writes (what "N files changed" counts).</summary>
    public IReadOnlyList<string> ChangedPaths =>
        Steps.Select(s => s switch { DemoStep.Edit e => e.Path, DemoStep.Write w => w.Path, _ => null })
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The commit messages the script makes, in order.</summary>
    public IReadOnlyList<string> CommitMessages => Steps.OfType<DemoStep.Commit>().Select(c => c.Message).ToList();
}
