using FleetTui.Demo;

namespace FleetTui.Tests.EndToEnd;

/// <summary>
/// The built <c>fleet</c> running in a private tmux server (own socket), the way a user sees it: keys through
/// <c>send-keys</c>, the screen through <c>capture-pane</c>. The pane stays after the program exits so a test can
/// see that it did. The server is killed on disposal.
/// </summary>
public sealed class CockpitTmux : IAsyncDisposable
{
    private readonly string _socket = $"fleet-test-{Guid.NewGuid():N}"[..22];
    private string? _socketPath;

    public async Task StartAsync(string directory, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> argv, int width = 160, int height = 48)
    {
        var arguments = new List<string> { "new-session", "-d", "-x", $"{width}", "-y", $"{height}", "-c", directory };
        foreach (var (name, value) in environment)
            arguments.AddRange(["-e", $"{name}={value}"]);
        // This test process set DisableRealDriverIO for the headless view tests; the real cockpit must not inherit it.
        arguments.AddRange(["env", "-u", "DisableRealDriverIO", .. argv]);
        await TmuxAsync([.. arguments]);
        await TmuxAsync("set-option", "-w", "remain-on-exit", "on");
        _socketPath = (await TmuxAsync("display-message", "-p", "#{socket_path}")).Trim();
    }

    public Task<string> CaptureAsync() => TmuxAsync("capture-pane", "-p");

    /// <summary>
    /// The program has exited: tmux says the pane is dead, or the process is a zombie tmux has not reaped yet (seen on a loaded
    /// machine: the exit happened, tmux's SIGCHLD handling lagged behind by more than a minute).
    /// </summary>
    public async Task<bool> IsDeadAsync()
    {
        var fields = (await TmuxAsync("display-message", "-p", "#{pane_dead} #{pane_pid}")).Trim().Split(' ');
        if (fields[0] == "1")
            return true;
        var stat = Path.Combine("/proc", fields[^1], "stat");
        if (!File.Exists(stat))
            return true;
        var text = await File.ReadAllTextAsync(stat);
        // "pid (comm) state ...": the state follows the last ')'.
        return text[(text.LastIndexOf(')') + 2)..].StartsWith('Z');
    }

    public Task ResizeAsync(int width, int height) => TmuxAsync("resize-window", "-x", $"{width}", "-y", $"{height}");

    public Task SendKeysAsync(params string[] keys) => TmuxAsync(["send-keys", .. keys]);

    /// <summary>Literal text (no key-name lookup).</summary>
    public Task TypeAsync(string text) => TmuxAsync("send-keys", "-l", text);

    private async Task<string> TmuxAsync(params string[] arguments)
    {
        var result = await DemoCommand.RunAsync(["tmux", "-L", _socket, .. arguments], Directory.GetCurrentDirectory());
        if (!result.Succeeded)
            throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed: {result.Output}");
        return result.Output;
    }

    public async ValueTask DisposeAsync()
    {
        await DemoCommand.RunAsync(["tmux", "-L", _socket, "kill-server"], Directory.GetCurrentDirectory());
        if (_socketPath is not null && File.Exists(_socketPath))
            File.Delete(_socketPath);
    }
}
