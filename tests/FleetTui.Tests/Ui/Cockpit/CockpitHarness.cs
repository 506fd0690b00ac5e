using System.Text;
using FleetTui.Ui.Cockpit;
using FleetTui.Ui.Config;
using FleetTui.Ui.Keys;
using FleetTui.Ui.Themes;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;
using GuiKey = Terminal.Gui.Input.Key;

namespace FleetTui.Tests.Ui.Cockpit;

/// <summary>The real cockpit on Terminal.Gui's headless ANSI driver: press keys, draw, read the screen as text.</summary>
internal sealed class CockpitHarness : IDisposable
{
    private readonly SessionToken? _token;

    /// <param name="clock">The cockpit's own clock (output pacing, the echo window); the system's by default.</param>
    /// <param name="paceFloodingPanes">Pace pane redraws as the real cockpit does (off by default: a test's output is drawn at once).</param>
    public CockpitHarness(ICockpitSession session, int width = 120, int height = 30, Keymap? keymap = null, NotifySettings? notify = null, Theme? theme = null,
        TimeProvider? clock = null, bool paceFloodingPanes = false)
    {
        AnySession = session;
        App = Application.Create(Time).Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        Fleet = new FleetApp(App, session, keymap ?? Keymap.Default(), theme ?? ThemeLoader.Resolve(null, null, false), text => OuterWrites.Append(text), clock)
        {
            Notify = notify ?? NotifySettings.None,
            PaceFloodingPanes = paceFloodingPanes,
        };
        _token = App.Begin(Fleet.Root);
        Fleet.Start();
        Draw();
    }

    public IApplication App { get; }

    public FleetApp Fleet { get; }

    /// <summary>The session as a fake (the tests that feed output by hand use one).</summary>
    public FakeCockpitSession Session => (FakeCockpitSession)AnySession;

    public ICockpitSession AnySession { get; }

    /// <summary>The main loop's clock: timeouts (the prefix's, messages') fall due when it is advanced.</summary>
    public VirtualTimeProvider Time { get; } = new();

    /// <summary>Moves the loop's clock on and runs the timeouts that fell due.</summary>
    public void Advance(TimeSpan time)
    {
        Time.Advance(time);
        App.TimedEvents!.RunTimers();
        Draw();
    }

    /// <summary>A left click at a screen position.</summary>
    public void Click(int column, int row)
    {
        App.InjectSequence(InputInjectionExtensions.LeftButtonClick(new System.Drawing.Point(column, row)));
        Draw();
    }

    public StringBuilder OuterWrites { get; } = new();

    public void Draw() => App.LayoutAndDraw(forceRedraw: false);

    public void Press(GuiKey key)
    {
        App.InjectKey(key);
        Draw();
    }

    public void Type(string text)
    {
        foreach (var c in text)
            Press(new GuiKey(c));
    }

    public void Resize(int width, int height)
    {
        App.Driver!.SetScreenSize(width, height);
        Draw();
    }

    /// <summary>
    /// Runs the (virtual) main loop until <paramref name="condition"/> holds: answers from the session arrive on other
    /// threads and reach the UI through its queue. Fails with the screen after 30 s (a loaded CI machine took over 15 s once).
    /// </summary>
    public void WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new Shouldly.ShouldAssertException($"condition not met; screen:\n{Text}");
            Thread.Sleep(10);
            App.TimedEvents!.RunTimers();
            Draw();
        }
    }

    /// <summary>The screen as lines of text.</summary>
    public IReadOnlyList<string> Lines()
    {
        var contents = App.Driver!.Contents!;
        var rows = contents.GetLength(0);
        var columns = contents.GetLength(1);
        var lines = new List<string>();
        for (var row = 0; row < rows; row++)
        {
            var builder = new StringBuilder();
            for (var column = 0; column < columns; column++)
                builder.Append(contents[row, column].Grapheme);
            lines.Add(builder.ToString().TrimEnd());
        }
        return lines;
    }

    public string Text => string.Join("\n", Lines());

    public void Dispose()
    {
        Fleet.Dispose();
        if (_token is not null)
            App.End(_token);
        App.Dispose();
        AnySession.Dispose();
    }
}
