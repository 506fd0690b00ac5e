using FleetTui.Cli;
using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Session;
using FleetTui.Display;
using FleetTui.Host.Client;
using FleetTui.Host.Protocol;
using FleetTui.Hosting;
using FleetTui.Terminal.Emulation;
using FleetTui.Terminal.Pty;
using FleetTui.Ui.Config;
using FleetTui.Ui.Themes;
using FleetTui.Ui.MainLoop;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace FleetTui.Ui.Cockpit;

/// <summary>
/// Opens the cockpit on the repository containing a directory: fleet.toml, user config and theme are validated
/// first (errors with file:line:col, nothing started), then the session, then the full-screen UI until quit.
/// </summary>
public static class CockpitRunner
{
    /// <summary>When set, the milliseconds from process start to the first full frame are appended to this file.</summary>
    public const string StartupLogVariable = "FLEET_STARTUP_LOG";

    /// <summary>The cockpit needs a real terminal on both ends (not a pipe, not a test host).</summary>
    public static bool HasTerminal => !Console.IsInputRedirected && !Console.IsOutputRedirected;

    public static async Task<int> RunAsync(string directory, string? themeOption, CliContext context, CancellationToken cancellationToken) =>
        await RunAsync(directory, themeOption, context, new CockpitOptions(), cancellationToken);

    public static async Task<int> RunAsync(string directory, string? themeOption, CliContext context, CockpitOptions options, CancellationToken cancellationToken)
    {
        StartupTimeline.Mark("main");
        UiTypePreloader.Start();
        RepositoryFacts repository;
        try
        {
            repository = await RepositoryFacts.ReadAsync(new GitCli(), directory, cancellationToken);
        }
        catch (Exception e) when (e is GitException or InvalidOperationException or IOException)
        {
            await context.Error.WriteLineAsync($"fleet: {directory} is not inside a git repository ({e.Message.Trim()})");
            return ExitCodes.NoRepository;
        }
        var fleetToml = Path.Combine(repository.Root, "fleet.toml");
        if (!File.Exists(fleetToml))
        {
            await context.Error.WriteLineAsync($"fleet: no fleet.toml in {repository.Root} (see fleet.toml.example, or try `fleet demo`)");
            return ExitCodes.NoRepository;
        }

        // Refused before anything starts: without cursor addressing the cockpit would draw garbage.
        var colors = ColorSupport.Detect(context.Variable);
        if (colors.Depth == ColorDepth.Unusable)
        {
            await context.Error.WriteLineAsync($"fleet: the cockpit needs a terminal that can move its cursor ({colors.Evidence}); set TERM (e.g. xterm-256color), or try `fleet ps`");
            return ExitCodes.Usage;
        }

        UserConfig user;
        Theme theme;
        FleetConfig fleetConfig;
        try
        {
            StartupTimeline.Mark("git");
            // Checked here so that a mistake shows with its file:line:col before any host starts (the host reads it again).
            fleetConfig = ConfigLoader.Load(fleetToml);
            StartupTimeline.Mark("fleet-toml");
            var userConfigPath = UserConfigLoader.DefaultPath();
            user = UserConfigLoader.Load(userConfigPath);
            var noColor = !string.IsNullOrEmpty(context.Variable("NO_COLOR"));
            theme = ThemeLoader.Resolve(themeOption ?? user.Theme, Path.Combine(Path.GetDirectoryName(userConfigPath)!, "themes"), noColor);
            // What the terminal will really show: the colours sent to the host for programs' queries are these.
            theme = ThemeAtDepth.For(theme, colors.Depth) with { AsciiChrome = !LocaleCharset.Detect(context.Variable).IsUtf8 };
        }
        catch (ConfigException e)
        {
            await context.Error.WriteLineAsync(e.Message);
            return ExitCodes.BadConfig;
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException)
        {
            await context.Error.WriteLineAsync($"fleet: {e.Message}");
            return ExitCodes.BadConfig;
        }

        if (!HasTerminal)
        {
            await context.Error.WriteLineAsync("fleet: the cockpit needs a terminal (stdin or stdout is redirected); try `fleet ps`");
            return ExitCodes.Failed;
        }

        StartupTimeline.Mark("config");
        // The host is reached (or started) while this thread starts Terminal.Gui: neither waits for the other.
        var connecting = ConnectAsync(repository, options, theme, context.Error, cancellationToken);
        CockpitExit exit;
        string? goodbye;
        Exception? crash;
        using (OnOtherThreadsCrash(repository))
        {
            try
            {
                exit = RunUi(connecting, user, theme, colors.Depth, repository, fleetConfig, options, out goodbye, out crash);
            }
            catch (Exception error)
            {
                // Thrown outside the main loop (building the cockpit, Terminal.Gui's own start or shutdown): the same care.
                (exit, goodbye, crash) = (CockpitExit.Detached, null, error);
            }
        }
        if (crash is not null)
        {
            await ReportCrashAsync(crash, repository, context.Error);
            if (connecting.IsCompletedSuccessfully)
                connecting.Result?.Dispose();
            return ExitCodes.Failed;
        }
        await ((Task)connecting).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var session = connecting.IsCompletedSuccessfully ? connecting.Result : null;
        if (session is null)
            return ExitCodes.Failed; // why was said on stderr
        var running = session.Snapshot.Tasks.Count(t => t.Agent.IsRunning);
        var pid = session.Client.Welcome.HostPid;
        session.Dispose();
        if (goodbye is not null)
        {
            await context.Error.WriteLineAsync($"fleet: {goodbye}");
            return ExitCodes.Failed;
        }
        options.OnExit?.Invoke(exit);
        if (exit == CockpitExit.Detached && running > 0)
            await context.Out.WriteLineAsync(
                $"Detached. The fleet host (pid {pid}) keeps {running} agent{(running == 1 ? "" : "s")} running; `fleet attach` in {repository.Root} comes back.");
        return ExitCodes.Ok;
    }

    /// <summary>The host's session for this cockpit, or null after saying on stderr why there is none.</summary>
    private static async Task<HostCockpitSession?> ConnectAsync(
        RepositoryFacts repository, CockpitOptions options, Theme theme, TextWriter error, CancellationToken cancellationToken)
    {
        if (await FleetHostLauncher.ConnectAsync(repository, start: !options.AttachOnly, error, cancellationToken).ConfigureAwait(false) is not { } stream)
            return null;
        StartupTimeline.Mark("host");
        try
        {
            var hello = Hello(options, theme);
            var client = await HostClient.ConnectAsync(stream, hello, cancellationToken).ConfigureAwait(false);
            StartupTimeline.Mark("session");
            return new HostCockpitSession(client, options.ReadOnly);
        }
        catch (Exception e) when (e is HostRefusedException or IOException or Host.Protocol.ProtocolException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            await error.WriteLineAsync($"fleet: {e.Message}").ConfigureAwait(false);
            return null;
        }
    }

    private static ClientMessage.Hello Hello(CockpitOptions options, Theme theme) =>
        new(ProtocolVersion.Current, ClientKind.Cockpit, options.ReadOnly, ThemeClientColors.Of(theme));

    /// <summary>Main-loop iterations (and so at most frames) per second; Terminal.Gui's default is 25.</summary>
    public const string MaxFramesVariable = "FLEET_MAX_FPS";

    /// <summary>
    /// A key waits for the next main-loop iteration, and so does the redraw that shows its echo: at Terminal.Gui's
    /// default of 25 that is up to 80 ms before the program has even answered. 60 keeps typing crisp, and costs nothing
    /// when idle: the loop then sleeps (<see cref="MainLoopIdler"/>).
    /// </summary>
    private const ushort DefaultFramesPerSecond = 60;

    /// <summary>
    /// Puts the terminal back, writes the stack to a private file and says where, and that the agents still run. The
    /// host is another process: nothing of this stops an agent.
    /// </summary>
    private static async Task ReportCrashAsync(Exception crash, RepositoryFacts repository, TextWriter error)
    {
        string? path = null;
        try
        {
            path = CockpitCrash.WriteLog(Path.Combine(repository.FleetDir, "logs"), crash, DateTimeOffset.Now);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"fleet: could not write the crash log ({e.Message}); the stack follows:\n{crash}");
        }
        // The reset and the message in one write on one stream: nothing can come between them (a cursor restored by a
        // late alternate-screen switch once put the second line over the first).
        await error.WriteAsync(CockpitCrash.TerminalReset + "\r\n" + CockpitCrash.Message(crash, path, repository.Root).Replace("\n", "\r\n") + "\r\n");
        await error.FlushAsync();
    }

    /// <summary>An exception on another thread ends the process whatever is done: at least restore the terminal and log it.</summary>
    private static IDisposable OnOtherThreadsCrash(RepositoryFacts repository)
    {
        void Handler(object? sender, UnhandledExceptionEventArgs e)
        {
            if (e.ExceptionObject is not Exception error)
                return;
            try
            {
                ReportCrashAsync(error, repository, Console.Error).GetAwaiter().GetResult();
            }
            catch (IOException)
            {
            }
        }
        AppDomain.CurrentDomain.UnhandledException += Handler;
        return new Unsubscribe(() => AppDomain.CurrentDomain.UnhandledException -= Handler);
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    /// <summary>Debug builds: a key (FLEET_DEBUG_FAULT=f12, say) whose handler throws, so tests can see the cockpit fail well.</summary>
    public const string DebugFaultVariable = "FLEET_DEBUG_FAULT";

    private static CockpitExit RunUi(
        Task<HostCockpitSession?> connecting, UserConfig user, Theme theme, ColorDepth depth, RepositoryFacts repository,
        FleetConfig fleetConfig, CockpitOptions options, out string? goodbye, out Exception? crash)
    {
        goodbye = null;
        crash = null;
        // Output coalesces into one redraw per pane per iteration, so this is also the frame-rate cap.
        var framesPerSecond =
            int.TryParse(Environment.GetEnvironmentVariable(MaxFramesVariable), out var fps) && fps is > 0 and <= 120 ? fps : DefaultFramesPerSecond;
        var (created, input) = CockpitApplication.Create(depth);
        StartupTimeline.Mark("ui-create");
        using IApplication app = created.Init(DriverRegistry.Names.ANSI);
        StartupTimeline.Mark("ui-init");
        using var idler = new MainLoopIdler(app, framesPerSecond) { Watchdog = DebugWatchdog(repository) };
        if (input is not null)
            input.InputQueued += idler.WakeUrgently;
        try
        {
            // A failure to connect leaves through the usings: the terminal is restored before the error is printed.
            if (connecting.GetAwaiter().GetResult() is not { } session)
                return CockpitExit.Detached;
            string? lost = null;
            session.Disconnected += reason => app.Invoke(() =>
            {
                lost = reason;
                app.RequestStop();
            });
            // Remote hosts connect in the background (never on this thread); a lost one reconnects, only the local host's loss ends the cockpit.
            using var remoteHosts = Hosts.RemoteCockpit.Open(session, fleetConfig, repository.Root, Hello(options, theme), Environment.GetEnvironmentVariable);
            using var fleet = new FleetApp(app, (ICockpitSession?)remoteHosts ?? session, user.Keymap, theme, WriteToOuterTerminal) { Notify = user.Notify, PaceFloodingPanes = true, WakeLoopUrgently = idler.WakeUrgently };
            OnFirstFrame(app);
            StartupTimeline.Mark("cockpit");
            fleet.Start();
            StartupTimeline.Mark("agents");
            InjectDebugFault(app);
            Exception? failed = null;
            // An exception in an iteration ends the loop, not the process: the usings restore the terminal on the way out.
            app.Run(fleet.Root, error =>
            {
                failed ??= error;
                app.RequestStop();
                return true;
            });
            if (failed is not null)
            {
                crash = failed;
                return CockpitExit.Detached;
            }
            // Leaving on purpose closes the connection too; only a loss the user did not ask for is worth a word.
            goodbye = fleet.Exit == CockpitExit.Stopped ? null : lost;
            return fleet.Exit;
        }
        finally
        {
            // Terminal.Gui's shutdown waits for its input thread: end that thread's sleep first.
            input?.Stop();
        }
    }

    /// <summary>Debug builds log every main-loop iteration longer than <see cref="IterationWatchdog.Threshold"/> (fleet/logs/cockpit-watchdog.log).</summary>
    private static IterationWatchdog? DebugWatchdog(RepositoryFacts repository)
    {
#if DEBUG
        var watchdog = new IterationWatchdog();
        var path = Path.Combine(repository.FleetDir, "logs", "cockpit-watchdog.log");
        watchdog.Slow += (busy, what) =>
        {
            var line = $"{DateTimeOffset.Now:O} pid {Environment.ProcessId}: {what} took {busy.TotalMilliseconds:F0} ms (rule: under {IterationWatchdog.Threshold.TotalMilliseconds:F0})\n";
            // Off the UI thread: the report must not be the next slow iteration.
            _ = Task.Run(() =>
            {
                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.AppendAllText(path, line);
                }
                catch (IOException)
                {
                }
            });
        };
        return watchdog;
#else
        _ = repository;
        return null;
#endif
    }

    [System.Diagnostics.Conditional("DEBUG")]
    private static void InjectDebugFault(IApplication app)
    {
        if (Environment.GetEnvironmentVariable(DebugFaultVariable) is not { Length: > 0 } name || Keys.KeyChord.TryParse(name, out _) is not { } fault)
            return;
        app.Keyboard.KeyDown += (_, key) =>
        {
            if (Keys.GuiKeyTranslator.ToChord(key) == fault)
                throw new InvalidOperationException($"a fault injected for tests ({DebugFaultVariable}={name})");
        };
    }

    private static void WriteToOuterTerminal(string text)
    {
        using var stdout = Console.OpenStandardOutput();
        stdout.Write(System.Text.Encoding.UTF8.GetBytes(text));
        stdout.Flush();
    }

    private static void OnFirstFrame(IApplication app)
    {
        void OnFrame(object? sender, EventArgs e)
        {
            app.LayoutAndDrawComplete -= OnFrame;
            StartupTimeline.Mark("first-frame");
            // Now that the user sees the cockpit, let the JIT ready the emulator for the first flood (idle priority).
            // A Native AOT build has nothing to tier up.
            if (System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
                EmulatorWarmUp.StartInBackground(app.Screen.Width, app.Screen.Height);
        }
        app.LayoutAndDrawComplete += OnFrame;
    }
}
