using FleetTui.Tests.Demo;

namespace FleetTui.Tests.EndToEnd;

/// <summary>
/// The built <c>fleet</c> running in a private tmux server (own socket), the way a user sees it: keys through
/// <c>send-keys</c>, the screen through <c>capture-pane</c>. The pane stays after the program exits so a test can
/// see that it did. The server is killed on disposal.
/// </summary>
/// <param name="outputPipe">A file that receives every byte the cockpit writes to its terminal (see <see cref="TmuxServer"/>).</param>
public sealed class CockpitTmux(string? outputPipe = null) : IAsyncDisposable
{
    private readonly TmuxServer _server = new(outputPipe);

    public async Task StartAsync(string directory, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> argv, int width = 160, int height = 48)
    {
        // A UTF-8 locale unless the test says otherwise: CI's environment may have none, and without one the chrome is ASCII.
        if (!environment.ContainsKey("LANG") && !environment.ContainsKey("LC_ALL"))
            environment = new Dictionary<string, string>(environment) { ["LANG"] = "C.UTF-8" };
        // This test process set DisableRealDriverIO for the headless view tests; the real cockpit must not inherit it.
        await _server.StartAsync(directory, environment, ["env", "-u", "DisableRealDriverIO", .. argv], width, height);
        await _server.KeepDeadPanesAsync();
    }

    public Task<string> CaptureAsync() => _server.CaptureAsync();


    public Task<string> CaptureEscapedAsync() => _server.CaptureEscapedAsync();

    /// <summary>A tmux format about the pane (<c>#{alternate_on}</c>, <c>#{mouse_any_flag}</c>, …).</summary>
    public Task<string> PaneAsync(string format) => _server.PaneAsync(format);

    /// <summary>
    /// The program has exited: tmux says the pane is dead, or the process is a zombie tmux has not reaped yet (seen on a loaded
    /// machine: the exit happened, tmux's SIGCHLD handling lagged behind by more than a minute).
    /// </summary>
    public async Task<bool> IsDeadAsync()
    {
        var fields = (await _server.PaneAsync("#{pane_dead} #{pane_pid}")).Split(' ');
        if (fields[0] == "1")
            return true;
        var stat = Path.Combine("/proc", fields[^1], "stat");
        if (!File.Exists(stat))
            return true;
        var text = await File.ReadAllTextAsync(stat);
        // "pid (comm) state ...": the state follows the last ')'.
        return text[(text.LastIndexOf(')') + 2)..].StartsWith('Z');
    }

    public Task ResizeAsync(int width, int height) => _server.ResizeAsync(width, height);

    /// <summary>The pid of the program tmux runs in the pane.</summary>
    public async Task<int> ProgramPidAsync() => int.Parse(await _server.PaneAsync("#{pane_pid}"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Kills the program with SIGKILL (what a crash, or a dropped ssh client, looks like to everything behind it).</summary>
    public async Task KillProgramAsync()
    {
        using var process = System.Diagnostics.Process.GetProcessById(await ProgramPidAsync());
        process.Kill();
        await Eventually.HoldsAsync(IsDeadAsync, dead => dead, "the program to die", TimeSpan.FromSeconds(20));
    }

    public Task SendKeysAsync(params string[] keys) => _server.SendKeysAsync(keys);

    /// <summary>Literal text (no key-name lookup).</summary>
    public Task TypeAsync(string text) => _server.SendKeysAsync("-l", text);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
