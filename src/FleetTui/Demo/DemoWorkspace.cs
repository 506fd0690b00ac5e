namespace FleetTui.Demo;

/// <summary>
/// The real effects of a demo script in one directory (a task's worktree): file reads and edits, programs, commits.
/// Used by the demo agent step by step, and by tests and tools to apply a whole script without a terminal.
/// </summary>
public sealed class DemoWorkspace(string directory, IReadOnlyDictionary<string, string>? environment = null)
{
    private readonly List<string> _changedSinceCommit = [];

    public string Directory { get; } = directory;

    public int CountLines(string path) => File.ReadAllLines(FullPath(path)).Length;

    /// <summary>
    /// Replaces the single occurrence of the old text (with <paramref name="preview"/>, only says what it would change).
    /// Applying the same edit twice is a no-op, reported as such.
    /// </summary>
    public DemoEditOutcome Edit(DemoStep.Edit edit, bool preview = false)
    {
        var fullPath = FullPath(edit.Path);
        if (!File.Exists(fullPath))
            throw new InvalidOperationException($"{edit.Path}: no such file in {Directory}");
        var text = File.ReadAllText(fullPath);
        var at = text.IndexOf(edit.OldText, StringComparison.Ordinal);
        if (text.Contains(edit.NewText, StringComparison.Ordinal) && (at < 0 || edit.NewText.Contains(edit.OldText, StringComparison.Ordinal)))
            return new DemoEditOutcome(edit.Path, LineOf(text, text.IndexOf(edit.NewText, StringComparison.Ordinal)), [], [], AlreadyApplied: true);
        if (at < 0)
            throw new InvalidOperationException($"{edit.Path}: the text to replace is not there: {edit.OldText.TrimEnd()}");
        if (text.IndexOf(edit.OldText, at + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException($"{edit.Path}: the text to replace occurs more than once: {edit.OldText.TrimEnd()}");

        if (!preview)
        {
            File.WriteAllText(fullPath, string.Concat(text.AsSpan(0, at), edit.NewText, text.AsSpan(at + edit.OldText.Length)));
            Touch(edit.Path);
        }
        return Diff(edit.Path, LineOf(text, at), SplitLines(edit.OldText), SplitLines(edit.NewText));
    }

    /// <summary>Writes the file (creating folders) and returns its line count.</summary>
    public int Write(DemoStep.Write write)
    {
        var fullPath = FullPath(write.Path);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        File.WriteAllText(fullPath, write.Content);
        Touch(write.Path);
        return SplitLines(write.Content).Count;
    }

    public Task<DemoCommandResult> RunAsync(DemoStep.Run run, CancellationToken cancellationToken = default) =>
        DemoCommand.RunAsync(run.Argv, Directory, environment, cancellationToken);

    /// <summary>Stages exactly the files this script changed (never a stray file such as a copied .env) and commits them.</summary>
    public async Task<DemoCommandResult> CommitAsync(DemoStep.Commit commit, CancellationToken cancellationToken = default)
    {
        if (_changedSinceCommit.Count == 0)
            return new DemoCommandResult(1, "nothing to commit");
        var add = await DemoCommand.RunAsync(["git", "add", "--", .. _changedSinceCommit], Directory, environment, cancellationToken);
        if (!add.Succeeded)
            return add;
        var result = await DemoCommand.RunAsync(["git", "commit", "--quiet", "-m", commit.Message], Directory, environment, cancellationToken);
        if (result.Succeeded)
        {
            _changedSinceCommit.Clear();
            var head = await DemoCommand.RunAsync(["git", "log", "-1", "--format=%h %s"], Directory, environment, cancellationToken);
            return new DemoCommandResult(0, head.Output);
        }
        return result;
    }

    /// <summary>Applies every effect of a script with no terminal; throws when a step fails (an edit, the check, the commit).</summary>
    public async Task ApplyAsync(DemoScript script, CancellationToken cancellationToken = default)
    {
        foreach (var step in script.Steps)
        {
            switch (step)
            {
                case DemoStep.Read read:
                    CountLines(read.Path);
                    break;
                case DemoStep.Edit edit:
                    Edit(edit);
                    break;
                case DemoStep.Write write:
                    Write(write);
                    break;
                case DemoStep.Run run:
                    var ran = await RunAsync(run, cancellationToken);
                    if (!ran.Succeeded)
                        throw new InvalidOperationException($"{script.Task}: {string.Join(' ', run.Argv)} exited {ran.ExitCode}: {ran.Output.Trim()}");
                    break;
                case DemoStep.Commit commit:
                    var committed = await CommitAsync(commit, cancellationToken);
                    if (!committed.Succeeded)
                        throw new InvalidOperationException($"{script.Task}: commit failed: {committed.Output.Trim()}");
                    break;
            }
        }
    }

    private string FullPath(string relativePath) => Path.Combine(Directory, relativePath);

    private void Touch(string path)
    {
        if (!_changedSinceCommit.Contains(path))
            _changedSinceCommit.Add(path);
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static List<string> SplitLines(string text) =>
        [.. text.TrimEnd('\n').Split('\n')];

    /// <summary>Trims the lines both sides share so the diff shows only what changed.</summary>
    private static DemoEditOutcome Diff(string path, int firstLine, List<string> removed, List<string> added)
    {
        var prefix = 0;
        while (prefix < removed.Count && prefix < added.Count && removed[prefix] == added[prefix])
            prefix++;
        var suffix = 0;
        while (suffix < removed.Count - prefix && suffix < added.Count - prefix
               && removed[^(suffix + 1)] == added[^(suffix + 1)])
            suffix++;
        return new DemoEditOutcome(path, firstLine + prefix,
            removed.GetRange(prefix, removed.Count - prefix - suffix),
            added.GetRange(prefix, added.Count - prefix - suffix),
            AlreadyApplied: false);
    }
}
