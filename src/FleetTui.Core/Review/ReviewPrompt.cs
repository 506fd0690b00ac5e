namespace FleetTui.Core.Review;

/// <summary>What an agent is told when its work is reviewed: one prompt, typed into its pane.</summary>
public static class ReviewPrompt
{
    public static string ForComments(IReadOnlyList<ReviewComment> comments) =>
        "Review comments:\n" + string.Join("\n", comments.Select(c => $"- {c.File}:{c.Line}: {OneLine(c.Text)}")) +
        "\nPlease address each one, commit, and say when you are done.";

    public static string ForRejection(string reason, IReadOnlyList<ReviewComment> comments) =>
        $"Review: not ready to merge. {OneLine(reason)}" +
        (comments.Count == 0 ? "" : "\n" + string.Join("\n", comments.Select(c => $"- {c.File}:{c.Line}: {OneLine(c.Text)}"))) +
        "\nPlease rework it, commit, and say when you are done.";

    /// <summary>A comment is one line of the prompt: its own line breaks would submit it early in some agents.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
