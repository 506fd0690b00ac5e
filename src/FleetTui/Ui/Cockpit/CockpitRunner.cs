using FleetTui.Cli;
using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Session;
using FleetTui.Host.Runtime;
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

    public static async Task<int> RunAsync(string directory, string? themeOption, CliContext context, CancellationToken cancellationToken)
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

        FleetConfig config;
        UserConfig user;
        Theme theme;
        try
        {
            StartupTimeline.Mark("git");
            config = ConfigLoader.Load(fleetToml);
            StartupTimeline.Mark("fleet-toml");
            var userConfigPath = UserConfigLoader.DefaultPath();
            user = UserConfigLoader.Load(userConfigPath);
            var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
            theme = ThemeLoader.Resolve(themeOption ?? user.Theme, Path.Combine(Path.GetDirectoryName(userConfigPath)!, "themes"), noColor);
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

        using var session = new FleetCockpitSession(new FleetRuntime(new UnixPtyHost(), Environment.GetEnvironmentVariable("SHELL"), user.Detection)
        {
            ClaudeHooksFleetArgv = user.ClaudeHooks ? Demo.DemoAgentCommand.Resolve() : null,
        });
        StartupTimeline.Mark("config");
        // The session reads the repository (git, libgit2) while this thread starts Terminal.Gui: neither waits for the other.
        var opening = session.Runtime.OpenAsync(new FleetSessionOptions { RepositoryDirectory = repository.Root, Repository = repository, Config = config }, cancellationToken);
        try
        {
            RunUi(session, opening, user, theme);
        }
        finally
        {
            // Never dispose the session while it is still opening (the UI can fail before it waits for it).
            await opening.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        return ExitCodes.Ok;
    }

    /// <summary>Main-loop iterations (and so at most frames) per second; Terminal.Gui's default is 25.</summary>
    public const string MaxFramesVariable = "FLEET_MAX_FPS";

    /// <summary>
    /// A key waits for the next main-loop iteration, and so does the redraw that shows its echo: at Terminal.Gui's
    /// default of 25 that is up to 80 ms before the program has even answered. 60 keeps typing crisp, and costs nothing
    /// when idle: the loop then sleeps (<see cref="MainLoopIdler"/>).
    /// </summary>
    private const ushort DefaultFramesPerSecond = 60;

    private static void RunUi(ICockpitSession session, Task opening, UserConfig user, Theme theme)
    {
        // Output coalesces into one redraw per pane per iteration, so this is also the frame-rate cap.
        var framesPerSecond =
            int.TryParse(Environment.GetEnvironmentVariable(MaxFramesVariable), out var fps) && fps is > 0 and <= 120 ? fps : DefaultFramesPerSecond;
        var (created, input) = CockpitApplication.Create();
        StartupTimeline.Mark("ui-create");
        using IApplication app = created.Init(DriverRegistry.Names.ANSI);
        StartupTimeline.Mark("ui-init");
        using var idler = new MainLoopIdler(app, framesPerSecond);
        if (input is not null)
            input.InputQueued += idler.WakeUrgently;
        try
        {
            // A failure to open leaves through the usings: the terminal is restored before the error is printed.
            opening.GetAwaiter().GetResult();
            StartupTimeline.Mark("session");
            using var fleet = new FleetApp(app, session, user.Keymap, theme, WriteToOuterTerminal) { Notify = user.Notify, PaceFloodingPanes = true, WakeLoopUrgently = idler.WakeUrgently };
            OnFirstFrame(app);
            StartupTimeline.Mark("cockpit");
            fleet.Start();
            StartupTimeline.Mark("agents");
            app.Run(fleet.Root);
        }
        finally
        {
            // Terminal.Gui's shutdown waits for its input thread: end that thread's sleep first.
            input?.Stop();
        }
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
