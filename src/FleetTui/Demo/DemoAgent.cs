using System.Diagnostics;
using System.Threading.Channels;

namespace FleetTui.Demo;

/// <summary>
/// A scripted program that behaves like an AI coding agent in a terminal: it works with a spinner (title "⠋ task: working"),
/// edits and commits real files, stops at an approval prompt (title "✳ task: waiting", OSC 9 + OSC 777 + BEL) until a key answers,
/// finishes, then idles at an empty input box (title "✳ task: idle"). Everything it shows comes from its <see cref="DemoScript"/>.
/// </summary>
public sealed class DemoAgent(
    DemoScript script,
    DemoWorkspace workspace,
    DemoAgentOptions options,
    TextWriter output,
    ChannelReader<DemoAgentInput> input,
    Func<int> terminalWidth,
    Func<int>? terminalHeight = null)
{
    /// <summary>A second Ctrl+C within this time ends the agent.</summary>
    public static readonly TimeSpan InterruptWindow = TimeSpan.FromSeconds(2);

    /// <summary>The exit code after Ctrl+C twice: 128 + SIGINT, as a shell reports a program killed by it.</summary>
    public const int InterruptedExitCode = 130;

    private readonly InkScreen _screen = new(output);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastInterrupt;
    private readonly List<string> _finished = [];
    private bool _resized;
    private int _frame;
    private double _turnSeconds;
    private int _turnTokens;

    public InkScreen Screen => _screen;

    /// <summary>Runs the script, then idles until the input ends (Ctrl+D) unless told to exit when done. Returns the exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        _screen.Emit(AnsiText.HideCursor);
        try
        {
            Finish([.. DemoAgentView.Welcome(script.Task, workspace.Directory, Width), .. DemoAgentView.PromptEcho(script.Prompt, Width)]);
            foreach (var step in script.Steps)
                await ExecuteAsync(step, cancellationToken);
            Finish(DemoAgentView.Bullet(DemoPalette.Success, $"✔ Done. {script.ChangedPaths.Count} files changed"), "");
            Draw(DemoAgentView.IdleLive("", Width, Hint), DemoAgentView.IdleTitle(script.Task));
            return options.ExitWhenDone ? 0 : await IdleAsync(cancellationToken);
        }
        catch (InterruptedTwice)
        {
            return InterruptedExitCode;
        }
        finally
        {
            _screen.Emit(AnsiText.ShowCursor);
        }
    }

    private int Width => Math.Max(terminalWidth(), 20);

    private string Hint => _lastInterrupt is { } at && _clock.Elapsed - at < InterruptWindow ? DemoAgentView.ExitHint : DemoAgentView.ShortcutsHint;

    /// <summary>The first Ctrl+C shows "Press Ctrl-C again to exit"; a second one within <see cref="InterruptWindow"/> ends the agent.</summary>
    private void NoteInterrupt()
    {
        if (Hint == DemoAgentView.ExitHint)
            throw new InterruptedTwice();
        _lastInterrupt = _clock.Elapsed;
    }

    private sealed class InterruptedTwice : Exception;

    private async Task ExecuteAsync(DemoStep step, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case DemoStep.Think think:
                await WorkAsync(think.Verb, think.Seconds, think.Tokens, cancellationToken);
                break;
            case DemoStep.Say say:
                await WorkAsync("Thinking", 0.8, 40, cancellationToken);
                Finish(DemoAgentView.Bullet(DemoPalette.Text, say.Text), "");
                break;
            case DemoStep.Read read:
                await WorkAsync("Reading", 0.9, 30, cancellationToken);
                Report($"Read({read.Path})", () => [DemoAgentView.Result($"Read {workspace.CountLines(read.Path)} lines")]);
                Finish("");
                break;
            case DemoStep.Edit edit:
                await WorkAsync("Editing", 1.2, 60, cancellationToken);
                await EditAsync(edit, cancellationToken);
                break;
            case DemoStep.Write write:
                await WorkAsync("Writing", 1.2, 80, cancellationToken);
                Report($"Write({write.Path})", () =>
                [
                    DemoAgentView.Result($"Wrote {workspace.Write(write)} lines to {write.Path}"),
                    .. write.Content.Split('\n').Take(3).Where(l => l.Length > 0).Select(l => DemoAgentView.Continuation(AnsiText.Clip(l, Width - 6))),
                ]);
                Finish("");
                break;
            case DemoStep.Run run:
                await WorkAsync("Running", 0.8, 20, cancellationToken);
                var ran = await workspace.RunAsync(run, cancellationToken);
                Finish(
                [
                    DemoAgentView.Bullet(ran.Succeeded ? DemoPalette.Success : DemoPalette.Failure, $"Bash({string.Join(' ', run.Argv)})"),
                    .. ResultLines(ran.OutputLines.TakeLast(4).DefaultIfEmpty($"(exit {ran.ExitCode})")),
                    "",
                ]);
                break;
            case DemoStep.Commit commit:
                await WorkAsync("Committing", 0.8, 30, cancellationToken);
                var committed = await workspace.CommitAsync(commit, cancellationToken);
                Finish(
                [
                    DemoAgentView.Bullet(committed.Succeeded ? DemoPalette.Success : DemoPalette.Failure, $"Bash(git commit -m \"{commit.Message}\")"),
                    .. ResultLines(committed.OutputLines.Take(2).DefaultIfEmpty($"(exit {committed.ExitCode})")),
                    "",
                ]);
                break;
        }
    }

    private async Task EditAsync(DemoStep.Edit edit, CancellationToken cancellationToken)
    {
        if (edit.Ask)
        {
            DemoEditOutcome preview;
            try
            {
                preview = workspace.Edit(edit, preview: true);
            }
            catch (InvalidOperationException error)
            {
                Finish(DemoAgentView.Bullet(DemoPalette.Failure, $"Update({edit.Path})"), DemoAgentView.Result($"Error: {error.Message}"), "");
                return;
            }
            if (!preview.AlreadyApplied && !await AskApprovalAsync(preview, cancellationToken))
            {
                Finish(DemoAgentView.Result($"User rejected update to {edit.Path}"), "");
                var instructions = await ReadLineAsync(DemoAgentView.WaitingTitle(script.Task), cancellationToken) ?? "";
                Finish([.. DemoAgentView.PromptEcho(instructions, Width),
                    DemoAgentView.Bullet(DemoPalette.Text, "Understood. This demo knows only one way to do it, so here is the same edit."), ""]);
            }
        }
        Report($"Update({edit.Path})", () =>
        {
            var outcome = workspace.Edit(edit);
            return outcome.AlreadyApplied
                ? [DemoAgentView.Result($"{edit.Path} already has this change")]
                : [DemoAgentView.Result($"Updated {edit.Path} with {Count(outcome.Added.Count, "addition")} and {Count(outcome.Removed.Count, "removal")}"),
                   .. DemoAgentView.Diff(outcome, Width)];
        });
        Finish("");
    }

    /// <summary>Shows the approval prompt and waits (the scripted clock stands still) until a key answers it.</summary>
    private async Task<bool> AskApprovalAsync(DemoEditOutcome preview, CancellationToken cancellationToken)
    {
        var title = DemoAgentView.WaitingTitle(script.Task);
        var yes = true;
        Draw(["", .. DemoAgentView.ApprovalBox(preview, yes, Width)], title);
        _screen.Emit(AnsiText.Notification($"{script.Task}: {DemoAgentView.ApprovalQuestion}")
                     + AnsiText.Notification("FleetTui demo", $"{script.Task} is waiting for your approval")
                     + AnsiText.Bell);
        if (options.AutoApprove)
        {
            await WaitForInputAsync(TimeSpan.FromSeconds(1.0 / options.Speed), cancellationToken);
            return true;
        }
        while (true)
        {
            var next = await NextInputAsync(cancellationToken)
                       ?? throw new InvalidOperationException("the terminal closed while an edit was waiting for approval");
            if (next is DemoAgentInput.Key { Info: var key })
            {
                switch (key.Key, char.ToLowerInvariant(key.KeyChar))
                {
                    case (ConsoleKey.Enter, _):
                        return yes;
                    case (_, '1' or 'y'):
                        return true;
                    case (_, '2' or 'n'):
                    case (ConsoleKey.Escape, _):
                        return false;
                    case (ConsoleKey.UpArrow or ConsoleKey.DownArrow or ConsoleKey.Tab, _):
                        yes = !yes;
                        break;
                }
            }
            Draw(["", .. DemoAgentView.ApprovalBox(preview, yes, Width)], title);
        }
    }

    /// <summary>Idle like a real agent: an empty input box; a typed line gets a short answer; end of input exits.</summary>
    private async Task<int> IdleAsync(CancellationToken cancellationToken)
    {
        var reviewAddressed = false;
        while (await ReadLineAsync(DemoAgentView.IdleTitle(script.Task), cancellationToken) is { } line)
        {
            if (line.Length == 0)
                continue;
            if (line.StartsWith("Review", StringComparison.Ordinal) && script.ReviewFixSteps.Count > 0 && !reviewAddressed)
            {
                reviewAddressed = true;
                Finish([.. DemoAgentView.PromptEcho(line, Width)]);
                foreach (var step in script.ReviewFixSteps)
                    await ExecuteAsync(step, cancellationToken);
                Finish(DemoAgentView.Bullet(DemoPalette.Success, "✔ Review addressed and committed."), "");
                continue;
            }
            Finish([.. DemoAgentView.PromptEcho(line, Width),
                DemoAgentView.Bullet(DemoPalette.Text, $"I'm the scripted demo agent for {script.Task}; my work is committed on this branch."), ""]);
        }
        return 0;
    }

    /// <summary>Edits a line in the input box until Enter; null when the input ends (Ctrl+D on an empty line, or EOF).</summary>
    private async Task<string?> ReadLineAsync(string title, CancellationToken cancellationToken)
    {
        var text = "";
        while (true)
        {
            Draw(DemoAgentView.IdleLive(text, Width, Hint), title);
            var next = await NextInputAsync(cancellationToken);
            switch (next)
            {
                case null:
                    return null;
                case DemoAgentInput.Key { Info.Key: ConsoleKey.Enter }:
                    return text;
                case DemoAgentInput.Key { Info.Key: ConsoleKey.Backspace }:
                    text = text.Length > 0 ? text[..^1] : text;
                    break;
                case DemoAgentInput.Key { Info.KeyChar: '\u0004' } when text.Length == 0:
                    return null;
                case DemoAgentInput.Key { Info.KeyChar: var c } when !char.IsControl(c):
                    text += c;
                    break;
            }
        }
    }

    /// <summary>Animates the spinner for <paramref name="seconds"/> of scripted time (real time divided by the speed).</summary>
    private async Task WorkAsync(string verb, double seconds, int tokens, CancellationToken cancellationToken)
    {
        var duration = TimeSpan.FromSeconds(seconds / options.Speed);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var progress = duration <= TimeSpan.Zero ? 1.0 : Math.Min(1.0, clock.Elapsed / duration);
            var spinner = DemoAgentView.Spinner(_frame, verb, (int)(_turnSeconds + seconds * progress), _turnTokens + (int)(tokens * progress), Width);
            Draw(DemoAgentView.WorkingLive(spinner, Width, Hint), DemoAgentView.WorkingTitle(script.Task, _frame));
            if (progress >= 1.0)
                break;
            var remaining = duration - clock.Elapsed;
            await WaitForInputAsync(remaining < options.FrameInterval ? remaining : options.FrameInterval, cancellationToken);
            _frame++;
        }
        _turnSeconds += seconds;
        _turnTokens += tokens;
    }

    /// <summary>Waits for the time given while noting resizes; keys typed while the agent works are dropped, as Ink drops them.</summary>
    private async Task WaitForInputAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout <= TimeSpan.Zero)
            return;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            while (await input.WaitToReadAsync(wait.Token))
            {
                while (input.TryRead(out var next))
                {
                    _resized |= next is DemoAgentInput.Resized;
                    if (next is DemoAgentInput.Interrupted)
                        NoteInterrupt();
                }
            }
            await Task.Delay(Timeout.Infinite, wait.Token); // input ended: just let the time pass
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The next key (a resize redraws on the way); null when the input has ended.</summary>
    private async Task<DemoAgentInput?> NextInputAsync(CancellationToken cancellationToken)
    {
        while (await input.WaitToReadAsync(cancellationToken))
        {
            if (!input.TryRead(out var next))
                continue;
            if (next is DemoAgentInput.Interrupted)
                NoteInterrupt();
            if (next is DemoAgentInput.Resized)
            {
                _resized = true;
                return next;
            }
            return next;
        }
        return null;
    }

    private void Report(string action, Func<IReadOnlyList<string>> perform)
    {
        try
        {
            var lines = perform();
            Finish([DemoAgentView.Bullet(DemoPalette.Success, action), .. lines]);
        }
        catch (Exception error) when (error is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            Finish(DemoAgentView.Bullet(DemoPalette.Failure, action), DemoAgentView.Result($"Error: {error.Message}"));
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private IEnumerable<string> ResultLines(IEnumerable<string> lines) =>
        lines.Select((line, i) => i == 0 ? DemoAgentView.Result(AnsiText.Clip(line, Width - 6)) : DemoAgentView.Continuation(AnsiText.Clip(line, Width - 6)));

    /// <summary>Queues lines for the transcript; they are written with the next frame.</summary>
    private void Finish(params IEnumerable<string> lines) => _finished.AddRange(lines);

    /// <summary>
    /// A live region taller than the terminal cannot be erased line by line (cursor-up stops at the top row and debris stays),
    /// so keep its bottom rows: the question and the choices matter more than the top of a long diff.
    /// </summary>
    private IReadOnlyList<string> FitHeight(IReadOnlyList<string> live)
    {
        var rows = terminalHeight?.Invoke() ?? int.MaxValue;
        return rows > 1 && live.Count > rows - 1 ? live.Skip(live.Count - (rows - 1)).ToList() : live;
    }

    private void Draw(IReadOnlyList<string> live, string title)
    {
        live = FitHeight(live);
        _screen.Render(_finished, live, title);
        _finished.Clear();
        if (!_resized)
            return;
        _resized = false;
        _screen.RenderAfterResize(live, title);
    }
}
