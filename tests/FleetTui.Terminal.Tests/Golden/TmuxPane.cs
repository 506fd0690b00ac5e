using System.Diagnostics;

namespace FleetTui.Terminal.Tests.Golden;

/// <summary>
/// Shows a byte stream in a real tmux pane (own server socket, no config) and captures the screen, as
/// capture_expected.sh does. The file path reaches the pane's shell as an environment variable.
/// </summary>
internal sealed class TmuxPane : IDisposable
{
    private const string PaneCommand = "stty -echo raw; cat \"$FIXTURE\"; tmux -L \"$SOCK\" wait-for -S done; sleep 600";
    private readonly string _socket = "fleet-test-" + Guid.NewGuid().ToString("N")[..12];

    public static bool IsInstalled { get; } = FindOnPath("tmux");

    /// <summary>Feeds <paramref name="file"/> to a columns x rows pane and returns its screen once tmux has read it all.</summary>
    public string[] Capture(string file, int columns, int rows, (int Columns, int Rows)? resizeAfter = null)
    {
        Tmux("-f", "/dev/null", "new-session", "-d", "-x", columns.ToString(), "-y", rows.ToString(),
            "-e", "FIXTURE=" + file, "-e", "SOCK=" + _socket, PaneCommand);
        Tmux("wait-for", "done");
        if (resizeAfter is { } size)
            Tmux("resize-window", "-x", size.Columns.ToString(), "-y", size.Rows.ToString());
        // tmux may still be parsing what cat wrote: capture until two captures agree.
        var deadline = Stopwatch.StartNew();
        var previous = Tmux("capture-pane", "-p");
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            Thread.Sleep(100);
            var current = Tmux("capture-pane", "-p");
            if (current == previous)
                break;
            previous = current;
        }

        return previous.TrimEnd('\n').Split('\n');
    }

    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private string Tmux(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"tmux {string.Join(' ', args)} timed out");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {error.Result}");
        return output.Result;
    }

    private static bool FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Any(dir => File.Exists(Path.Combine(dir, program)));
}
