using System.Text;
using System.Threading.Channels;
using FleetTui.Core.Agents;
using FleetTui.Demo;
using FleetTui.Terminal.Emulation;
using FleetTui.Terminal.Screen;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Agents;

/// <summary>
/// The detector fed the way the cockpit will feed it: FleetTui's real demo agent writes into a <see cref="VirtualTerminal"/>;
/// every write becomes an output observation and a screen sample (the last rows as text), titles, notifications and bells
/// become terminal signals, and a timer advances the clock. Real time, so only the order of states is asserted.
/// </summary>
public sealed class DemoAgentStateDetectionTests : IDisposable
{
    private readonly IsolatedGit _git = new();
    private readonly Channel<DemoAgentInput> _input = Channel.CreateUnbounded<DemoAgentInput>();

    public void Dispose() => _git.Dispose();

    [Fact]
    public async Task Follows_the_demo_agent_from_working_to_waiting_to_idle()
    {
        var repository = await _git.CreateDemoAsync();
        var worktree = await _git.AddWorktreeAsync(repository, "catalog");
        var feed = new DetectorFeed(new AgentStateDetector(AgentPresets.HintsFor("claude")));
        feed.Observe(new AgentObservation.Process(DateTimeOffset.UtcNow, Alive: true));
        var agent = new DemoAgent(DemoScripts.For("catalog")!, new DemoWorkspace(worktree, _git.Environment),
            new DemoAgentOptions { Speed = 4 }, feed, _input.Reader, () => 100);
        var run = Task.Run(() => agent.RunAsync());
        using var timer = new CancellationTokenSource();
        var ticks = Task.Run(async () =>
        {
            while (!timer.IsCancellationRequested)
            {
                feed.Advance();
                await Task.Delay(20);
            }
        });

        await Eventually.HoldsAsync(() => Task.FromResult(feed.Current), s => s == AgentActivity.WaitingForInput, "waiting at the approval prompt");
        await _input.Writer.WriteAsync(DemoAgentInput.Enter);
        await Eventually.HoldsAsync(() => Task.FromResult(feed.Current), s => s == AgentActivity.Idle, "idle once done");
        _input.Writer.Complete();
        (await run.WaitAsync(Eventually.DefaultTimeout)).ShouldBe(0);
        await timer.CancelAsync();
        await ticks;

        var sequence = feed.Sequence;
        sequence[0].ShouldBe(AgentActivity.Starting);
        sequence.ShouldContain(AgentActivity.Working);
        var waiting = sequence.IndexOf(AgentActivity.WaitingForInput);
        waiting.ShouldBeGreaterThan(sequence.IndexOf(AgentActivity.Working), string.Join("\n", feed.Log));
        sequence.IndexOf(AgentActivity.Idle).ShouldBeGreaterThan(waiting, "never idle before the approval was answered: " + string.Join("\n", feed.Log));
    }

    /// <summary>A TextWriter standing in for the PTY: everything written goes through the emulator into the detector.</summary>
    private sealed class DetectorFeed : TextWriter
    {
        private readonly AgentStateDetector _detector;
        private readonly VirtualTerminal _terminal = new(100, 30);
        private readonly List<AgentActivity> _sequence = [];
        private readonly Lock _lock = new();

        public DetectorFeed(AgentStateDetector detector)
        {
            _detector = detector;
            _terminal.TitleChanged += title => Log.Add($"{DateTimeOffset.UtcNow:ss.fff} title {title}");
            _terminal.TitleChanged += title => Observe(new AgentObservation.Terminal(DateTimeOffset.UtcNow, TerminalSignalKind.Title, title));
            _terminal.NotificationRequested += n => Observe(new AgentObservation.Terminal(DateTimeOffset.UtcNow, TerminalSignalKind.Notification, n.Body));
            _terminal.Bell += () => Observe(new AgentObservation.Terminal(DateTimeOffset.UtcNow, TerminalSignalKind.Bell));
        }

        public override Encoding Encoding => Encoding.UTF8;

        public AgentActivity Current
        {
            get
            {
                lock (_lock)
                    return _detector.Current.Activity;
            }
        }

        public List<AgentActivity> Sequence
        {
            get
            {
                lock (_lock)
                    return [.. _sequence];
            }
        }

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value))
                return;
            lock (_lock)
            {
                var now = DateTimeOffset.UtcNow;
                _terminal.Feed(value); // raises title/notification/bell events synchronously (same lock, re-entrant)
                Observe(new AgentObservation.Output(now, Encoding.UTF8.GetByteCount(value)));
                // Sample only complete frames: inside a synchronized update the screen is half drawn (the demo agent,
                // like Claude Code, erases its live lines before redrawing them).
                if (_terminal.IsFrameHeld)
                    return;
                var screen = _terminal.Screen;
                var lines = Enumerable.Range(0, screen.Rows).Select(r => LineText.Plain(screen, screen.GetLine(r))).ToList();
                Observe(new AgentObservation.Screen(now, lines, screen.Modes.CursorVisible));
            }
        }

        public void Observe(AgentObservation observation)
        {
            lock (_lock)
                Record(_detector.Observe(observation));
        }

        public void Advance()
        {
            lock (_lock)
                Record(_detector.Advance(DateTimeOffset.UtcNow));
        }

        public List<string> Log { get; } = [];

        private void Record(AgentState? state)
        {
            if (state is not null)
                Log.Add($"{DateTimeOffset.UtcNow:ss.fff} STATE {state.Activity} {state.Source}");
            if (state is not null && (_sequence.Count == 0 || _sequence[^1] != state.Activity))
                _sequence.Add(state.Activity);
        }
    }
}
