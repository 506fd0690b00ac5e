using System.Diagnostics;
using FleetTui.Tests.Ui.Cockpit;
using FleetTui.Ui.Keys;
using FleetTui.Ui.MainLoop;
using FleetTui.Ui.Panes;
using FleetTui.Ui.Views;
using Shouldly;
using Xunit;
using Terminal.Gui.Testing;
using Xunit.Abstractions;
using GuiKey = Terminal.Gui.Input.Key;
using KeyCode = Terminal.Gui.Drivers.KeyCode;

namespace FleetTui.Tests.Ui.Monkey;

/// <summary>
/// The real cockpit (headless driver) over the real fleet host in this process, agents on real PTYs printing all the time:
/// a seeded random run of keys from the keymap (prefix commands, the merge panel's, scroll mode's), typing, resizes from
/// 20x8 to 250x80, tasks created and destroyed, agents restarted. After every step: no exception escaped, the step took
/// the loop less than <see cref="IterationWatchdog.Threshold"/>, and the screen is consistent (every cell belongs to a
/// view, every pane has its title and its separator). A failure names its seed and step: <c>FLEET_MONKEY_SEED=N</c>
/// replays that seed alone.
/// </summary>
public sealed class CockpitMonkeyTests(ITestOutputHelper output)
{
    /// <summary>Seeds run in CI; each is <see cref="Steps"/> steps.</summary>
    private static readonly int[] Seeds = [12, 1207, 424242];

    private const int Steps = 700;

    /// <summary>The agents: they print a numbered line every 50 ms and read what is typed without running it (keys are random).</summary>
    private const string FleetToml = """
        [fleet]
        base = "main"
        agent = ["sh", "-c", "(i=0; while :; do i=$((i+1)); echo \"out $i $(printf '%*s' $((i % 70)) '' | tr ' ' '=')\"; sleep 0.05; done) & while read -r line; do echo \"read: $line\"; done"]

        [[task]]
        name = "api"

        [[task]]
        name = "web"

        [[task]]
        name = "docs"
        depends_on = ["api"]
        """;

    [Fact]
    public async Task Thousands_of_random_keys_resizes_tasks_and_restarts_never_stall_crash_or_corrupt_the_screen()
    {
        var seeds = Environment.GetEnvironmentVariable("FLEET_MONKEY_SEED") is { } one && int.TryParse(one, out var only) ? [only] : Seeds;
        await using var fleet = await InProcessFleet.OpenAsync(FleetToml);
        string? lost = null;
        fleet.Session.Disconnected += reason => lost = $"{reason}\nhost log:\n{fleet.Log}";
        using var cockpit = new CockpitHarness(fleet.Session, 120, 40);
        cockpit.WaitUntil(() => cockpit.Fleet.Panes.Count(p => p.Screen is not null) >= 2);
        var total = Stopwatch.StartNew();
        foreach (var seed in seeds)
        {
            var run = new MonkeyRun(cockpit, seed);
            run.Play(Steps, () => lost);
            output.WriteLine($"seed {seed}: {Steps} steps, {run.Keys} keys, {run.Resizes} resizes, {run.Created} tasks created, {run.Destroyed} destroyed, {run.Restarts} restarts; longest step {run.Watchdog.Longest.TotalMilliseconds:F0} ms");
        }
        output.WriteLine($"{seeds.Length} seeds in {total.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>One seed's run against a cockpit.</summary>
    private sealed class MonkeyRun(CockpitHarness cockpit, int seed)
    {
        private readonly Random _random = new(seed);
        private readonly List<KeySequence> _sequences = [.. Keymap.Default().Bindings
            .Where(b => b.Command is not (UiCommand.Quit or UiCommand.Detach))
            .SelectMany(b => b.Keys)];
        private int _step;
        private readonly Queue<string> _recent = new();

        public IterationWatchdog Watchdog { get; } = new();
        public int Keys { get; private set; }
        public int Resizes { get; private set; }
        public int Created { get; private set; }
        public int Destroyed { get; private set; }
        public int Restarts { get; private set; }

        public void Play(int steps, Func<string?> lost)
        {
            for (_step = 0; _step < steps; _step++)
            {
                var action = Next();
                _recent.Enqueue($"{_step}: {action.Name}");
                if (_recent.Count > 12)
                    _recent.Dequeue();
                try
                {
                    _action = action.Name;
                    action.Run();
                    Iterate();
                    CheckScreen();
                    if (lost() is { } reason)
                        throw new ShouldAssertException($"the connection to the host was lost: {reason}");
                }
                catch (Exception error)
                {
                    throw new ShouldAssertException($"monkey seed {seed}, step {_step} ({action.Name}), replay with FLEET_MONKEY_SEED={seed}: {error.Message}\nlast steps: {string.Join(" | ", _recent)}\nscreen:\n{cockpit.Text}", error);
                }
            }
        }

        private (string Name, Action Run) Next()
        {
            var roll = _random.NextDouble();
            if (roll < 0.03)
            {
                var (width, height) = (_random.Next(20, 251), _random.Next(8, 81));
                Resizes++;
                return ($"resize {width}x{height}", () =>
                {
                    var started = Start();
                    cockpit.App.Driver!.SetScreenSize(width, height);
                    Iterate(started);
                });
            }
            if (roll < 0.035 && cockpit.AnySession.Snapshot.Tasks.Count < 6)
            {
                var name = $"m{seed % 1000}x{_step}";
                Created++;
                return ($"new task {name}", () =>
                {
                    Press(GuiKey.Esc); // leave whatever mode or dialog first
                    Press(GuiKey.G.WithCtrl);
                    Press(GuiKey.N);
                    foreach (var c in name)
                        Press(new GuiKey(c));
                    Press(GuiKey.Enter);
                });
            }
            if (roll < 0.04)
            {
                Destroyed++;
                return ("destroy the focused task", () =>
                {
                    Press(GuiKey.Esc);
                    Press(GuiKey.G.WithCtrl);
                    Press(GuiKey.X);
                    // What would be lost comes from the host (git): the answer arrives through the loop's queue.
                    Eventually(() => cockpit.Text.Contains("y destroy") || !cockpit.Fleet.IsOverlayVisible);
                    Press(GuiKey.Y);
                });
            }
            if (roll < 0.05)
            {
                Restarts++;
                return ("restart the focused agent", () =>
                {
                    Press(GuiKey.Esc);
                    Press(GuiKey.G.WithCtrl);
                    Press(_random.Next(2) == 0 ? GuiKey.R : GuiKey.R.WithShift);
                });
            }
            if (roll < 0.55)
            {
                var sequence = _sequences[_random.Next(_sequences.Count)];
                return ($"keys {sequence}", () =>
                {
                    foreach (var chord in sequence.Chords)
                        Press(ToGuiKey(chord));
                });
            }
            var key = RandomKey();
            return ($"key {key}", () => Press(key));
        }

        private GuiKey RandomKey()
        {
            var roll = _random.Next(20);
            return roll switch
            {
                0 => GuiKey.Enter,
                1 => GuiKey.Esc,
                2 => GuiKey.CursorUp,
                3 => GuiKey.CursorDown,
                4 => GuiKey.PageUp,
                5 => GuiKey.Tab,
                6 => GuiKey.C.WithCtrl,
                7 => GuiKey.Backspace,
                8 => new GuiKey("/jknNvyqgG?"[_random.Next(11)]),
                _ => new GuiKey((char)_random.Next('a', 'z' + 1)),
            };
        }

        private string _action = "";

        /// <summary>One key, handled as a main-loop iteration handles it: the key, what the host sent meanwhile, the frame.</summary>
        private void Press(GuiKey key)
        {
            Keys++;
            var started = Start();
            cockpit.App.InjectKey(key);
            Iterate(started);
        }

        private static (Stopwatch Clock, TimeSpan Excused, TimeSpan OnCpu) Start() => (Stopwatch.StartNew(), ExcusedTime.Total(), ExcusedTime.OnCpu());

        /// <summary>Work past this in one iteration is a stall however it is spent (a Debug build drawing a big screen on a loaded machine stays well under).</summary>
        private static readonly TimeSpan MaxWork = TimeSpan.FromSeconds(1);

        /// <summary>
        /// The loop's work for one iteration (queued updates from the host, then the frame), timed by the watchdog: wall-clock
        /// time less <see cref="ExcusedTime"/> (waits for a CPU on this shared machine, GC pauses) and less the thread's own time
        /// on a CPU: what is left is time the loop waited on something (I/O, a process, a lock), the rule's concern. Its own
        /// work has a looser bound of its own.
        /// </summary>
        private void Iterate((Stopwatch Clock, TimeSpan Excused, TimeSpan OnCpu)? started = null)
        {
            var (clock, excused, onCpu) = started ?? Start();
            cockpit.App.TimedEvents!.RunTimers();
            cockpit.Draw();
            var busy = clock.Elapsed - (ExcusedTime.Total() - excused);
            var worked = ExcusedTime.OnCpu() - onCpu;
            var waited = busy - worked;
            Watchdog.Observe(waited, _action);
            if (Watchdog.SlowCount > 0 || busy > MaxWork)
                throw new ShouldAssertException($"'{_action}' held the loop {busy.TotalMilliseconds:F0} ms in one iteration, {waited.TotalMilliseconds:F0} ms of it waiting on something " +
                    $"({clock.Elapsed.TotalMilliseconds:F0} ms on the wall clock; rules: waits under {IterationWatchdog.Threshold.TotalMilliseconds:F0}, all under {MaxWork.TotalMilliseconds:F0})");
        }

        /// <summary>Waits (outside any iteration: the test's time, not the loop's) for an answer that arrives through the loop's queue.</summary>
        private void Eventually(Func<bool> condition)
        {
            var deadline = Stopwatch.StartNew();
            while (!condition() && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(5);
                Iterate();
            }
        }

        private static GuiKey ToGuiKey(KeyChord chord)
        {
            GuiKey key = chord.Key switch
            {
                "space" => GuiKey.Space,
                "tab" => GuiKey.Tab,
                "enter" => GuiKey.Enter,
                "esc" => GuiKey.Esc,
                "left" => GuiKey.CursorLeft,
                "right" => GuiKey.CursorRight,
                "up" => GuiKey.CursorUp,
                "down" => GuiKey.CursorDown,
                var text when text.Length == 1 && char.IsAsciiLetter(text[0]) && (chord.Ctrl || chord.Alt) => new GuiKey((KeyCode)char.ToUpperInvariant(text[0])),
                var text when text.Length == 1 && char.IsAsciiLetterUpper(text[0]) => new GuiKey((KeyCode)text[0]).WithShift,
                var text when text.Length == 1 && char.IsAsciiLetterLower(text[0]) => new GuiKey((KeyCode)char.ToUpperInvariant(text[0])),
                var text => new GuiKey(text[0]),
            };
            if (chord.Ctrl)
                key = key.WithCtrl;
            if (chord.Alt)
                key = key.WithAlt;
            return key;
        }

        private string Row(int row, int column, int length) =>
            string.Concat(Enumerable.Range(column, Math.Min(length, cockpit.App.Screen.Width - column)).Select(c => cockpit.App.Driver!.Contents![row, c].Grapheme));

        /// <summary>Every cell is some view's; every shown pane has its title and, with a neighbour on its left, its separator.</summary>
        private void CheckScreen()
        {
            var screen = cockpit.App.Screen;
            var lines = cockpit.Lines();
            lines.Count.ShouldBe(screen.Height);
            ((TiledRoot)cockpit.Fleet.Root).SubViewsCoverViewport().ShouldBeTrue("a cell of the screen belongs to no view");
            var overlay = cockpit.Fleet.IsOverlayVisible ? cockpit.Fleet.Root.SubViews.Last(v => v.Visible && v is StyledLinesView).Frame : System.Drawing.Rectangle.Empty;
            foreach (var pane in cockpit.Fleet.Panes.Where(p => p.Visible && !p.Frame.IsEmpty))
            {
                var frame = pane.Frame;
                frame.Right.ShouldBeLessThanOrEqualTo(screen.Width);
                frame.Bottom.ShouldBeLessThanOrEqualTo(screen.Height);
                var mark = $" {pane.Number} ";
                if (!overlay.IntersectsWith(new System.Drawing.Rectangle(frame.X, frame.Y, mark.Length, 1)) && frame.Width > mark.Length)
                    Row(frame.Y, frame.X, mark.Length).ShouldBe(mark, customMessage: $"pane {pane.Number}'s title");
                if (!pane.HasLeftEdge)
                    continue;
                for (var row = frame.Y + 1; row < frame.Bottom; row++)
                {
                    if (!overlay.Contains(frame.X, row))
                        cockpit.App.Driver!.Contents![row, frame.X].Grapheme.ShouldBe("│", $"pane {pane.Number}'s separator at row {row}");
                }
            }
        }
    }
}
