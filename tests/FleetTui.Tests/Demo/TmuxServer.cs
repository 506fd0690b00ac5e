using FleetTui.Demo;

namespace FleetTui.Tests.Demo;

/// <summary>A private tmux server (its own socket, <c>fleet-test-&lt;random&gt;</c>) with one detached session; killed on disposal.</summary>
/// <param name="outputPipe">
/// When set, every byte the pane's program writes is appended to this file (what reaches the outer terminal: bells and
/// notifications that tmux itself swallows). The path reaches tmux's <c>sh -c</c> through the server's environment.
/// </param>
public sealed class TmuxServer(string? outputPipe = null) : IAsyncDisposable
{
    private readonly string _socket = $"fleet-test-{Guid.NewGuid():N}"[..20];
    private string? _socketPath;

    public async Task StartAsync(string directory, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> argv, int width = 120, int height = 40)
    {
        var arguments = new List<string> { "new-session", "-d", "-x", $"{width}", "-y", $"{height}", "-c", directory };
        foreach (var (name, value) in environment)
            arguments.AddRange(["-e", $"{name}={value}"]);
        arguments.AddRange(argv); // more than one word: tmux execs them as an argv, no shell in between
        await TmuxAsync(outputPipe is null ? null : new Dictionary<string, string> { ["FLEET_TEST_PIPE"] = outputPipe }, [.. arguments]);
        if (outputPipe is not null)
            await TmuxAsync("pipe-pane", "-O", "cat >> \"$FLEET_TEST_PIPE\"");
        _socketPath = (await TmuxAsync("display-message", "-p", "#{socket_path}")).Trim();
    }

    public async Task<string> CaptureAsync() => await TmuxAsync("capture-pane", "-p");

    /// <summary>The screen with its colours and attributes as escape sequences (tmux re-encodes each cell's).</summary>
    public async Task<string> CaptureEscapedAsync() => await TmuxAsync("capture-pane", "-p", "-e");

    public async Task<string> TitleAsync() => (await TmuxAsync("display-message", "-p", "#{pane_title}")).Trim();

    public Task ResizeAsync(int width, int height) => TmuxAsync("resize-window", "-x", $"{width}", "-y", $"{height}");

    /// <summary>Keeps a pane whose program exited, so its exit status can be read.</summary>
    public Task KeepDeadPanesAsync() => TmuxAsync("set-option", "-g", "remain-on-exit", "on");

    public async Task<string> PaneAsync(string format) => (await TmuxAsync("display-message", "-p", format)).Trim();

    public Task SendKeysAsync(params string[] keys) => TmuxAsync(["send-keys", .. keys]);

    private Task<string> TmuxAsync(params string[] arguments) => TmuxAsync(null, arguments);

    /// <param name="serverEnvironment">Environment of the tmux process (the server's, when this command starts it).</param>
    private async Task<string> TmuxAsync(IReadOnlyDictionary<string, string>? serverEnvironment, params string[] arguments)
    {
        var result = await DemoCommand.RunAsync(["tmux", "-L", _socket, .. arguments], Directory.GetCurrentDirectory(), serverEnvironment);
        if (!result.Succeeded)
            throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed: {result.Output}");
        return result.Output;
    }

    public async ValueTask DisposeAsync()
    {
        await DemoCommand.RunAsync(["tmux", "-L", _socket, "kill-server"], Directory.GetCurrentDirectory());
        if (_socketPath is not null)
            File.Delete(_socketPath); // kill-server leaves the socket file behind
    }
}
