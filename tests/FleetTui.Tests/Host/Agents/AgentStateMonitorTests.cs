using FleetTui.Host.Merging;
using FleetTui.Host.Panes;
using FleetTui.Core.Agents;
using FleetTui.Terminal.Pty;
using FleetTui.Tests.Demo;
using FleetTui.Tests.Ui.Cockpit;
using FleetTui.Host.Agents;
using FleetTui.Ui.Panes;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Agents;

/// <summary>The monitor between a pane's terminal and the detector: what the program prints becomes states, in order.</summary>
public sealed class AgentStateMonitorTests : IDisposable
{
    private static readonly AgentStateDetectorOptions Fast = new() { Debounce = TimeSpan.FromMilliseconds(100), QuietAfter = TimeSpan.FromSeconds(30) };

    private readonly FakePtyHost _host = new();
    private readonly PaneTerminal _terminal = new(80, 12);
    private readonly List<AgentState> _reports = [];
    private readonly Lock _lock = new();
    private readonly AgentStateMonitor _monitor;

    public AgentStateMonitorTests()
    {
        _monitor = new AgentStateMonitor(_terminal, new AgentStateDetector(AgentStatePatterns.Claude, Fast), state =>
        {
            lock (_lock)
                _reports.Add(state);
        });
        _terminal.Start(_host, new PtySpawnOptions("agent"));
        _monitor.ObserveStarted();
    }

    private FakePtyProcess Process => _host.Started.Single();

    private List<AgentState> Reports
    {
        get
        {
            lock (_lock)
                return [.. _reports];
        }
    }

    private async Task<List<AgentState>> ReportedAsync(AgentActivity activity, StateSource source)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(string.Join("\n", Reports)), _ => Reports.Any(s => s.Activity == activity && s.Source == source),
            $"{activity} from {source}", TimeSpan.FromSeconds(15));
        return Reports;
    }

    public void Dispose()
    {
        _monitor.Dispose();
        _terminal.Dispose();
    }

    [Fact]
    public void Reports_starting_as_soon_as_the_program_runs()
    {
        Reports.ShouldHaveSingleItem().Activity.ShouldBe(AgentActivity.Starting);
    }

    [Fact]
    public async Task A_working_title_then_a_bell_become_working_then_waiting_from_the_signal()
    {
        Process.Output("\e]0;⠋ api: working\a");
        await ReportedAsync(AgentActivity.Working, StateSource.Signal);

        Process.Output("\a");
        var reports = await ReportedAsync(AgentActivity.WaitingForInput, StateSource.Signal);

        reports.Select(r => r.Activity).ShouldBe([AgentActivity.Starting, AgentActivity.Working, AgentActivity.WaitingForInput]);
    }

    [Fact]
    public async Task An_osc_9_notification_means_waiting()
    {
        Process.Output("\e]9;Claude needs your permission\a");

        await ReportedAsync(AgentActivity.WaitingForInput, StateSource.Signal);
    }

    [Fact]
    public async Task Reads_an_approval_menu_and_a_spinner_from_the_screen()
    {
        Process.Output("✻ Pondering… (3s · esc to interrupt)");
        await ReportedAsync(AgentActivity.Working, StateSource.Screen);

        Process.Output("\e[2J\e[H Do you want to make this edit?\r\n ❯ 1. Yes\r\n   2. No");

        await ReportedAsync(AgentActivity.WaitingForInput, StateSource.Screen);
    }

    [Fact]
    public async Task Looks_again_when_a_synchronized_frame_held_the_screen_at_sampling_time()
    {
        // A frame that never ends its synchronized update: the sample after the output finds it held and must retry
        // (no more output will come to trigger another) until the terminal's hold times out and the frame shows.
        Process.Output("\e[?2026h\e[2J\e[H Do you want to make this edit?\r\n ❯ 1. Yes\r\n   2. No");

        await ReportedAsync(AgentActivity.WaitingForInput, StateSource.Screen);
    }

    [Fact]
    public async Task Reports_a_hook_at_once_and_the_exit_with_its_code()
    {
        _monitor.ObserveHook(new AgentObservation.Hook(DateTimeOffset.UtcNow, HookSignal.Waiting));
        Reports.Last().ShouldBe(new AgentState(AgentActivity.WaitingForInput, StateSource.Hook) { Confidence = Reports.Last().Confidence });

        Process.Exit(3);

        var reports = await ReportedAsync(AgentActivity.Exited, StateSource.Process);
        reports.Last().ExitCode.ShouldBe(3);
    }

    [Fact]
    public async Task Stays_silent_after_disposal()
    {
        _monitor.Dispose();
        var before = Reports.Count;

        Process.Output("\e]0;⠋ api: working\a");
        Process.Exit(0);
        await _terminal.WhenExited;

        Reports.Count.ShouldBe(before);
    }
}
