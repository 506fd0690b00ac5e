using FleetTui.Core.Agents;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Agents;

public sealed class AgentStateDetectorTests
{
    private static readonly string[] SpinnerScreen = ["✻ Pondering… (3s · esc to interrupt)", "╭──────╮", "│ >    │", "╰──────╯"];
    private static readonly string[] InputBoxScreen = ["● Done.", "╭──────╮", "│ >    │", "╰──────╯", "  ? for shortcuts"];
    private static readonly string[] ApprovalScreen = ["Do you want to make this edit to cart.py?", "❯ 1. Yes", "  2. No"];

    /// <summary>The timings these tests were written for: a 400 ms debounce and no launch settling (tested on its own below).</summary>
    internal static readonly AgentStateDetectorOptions Classic = new()
    {
        Debounce = TimeSpan.FromMilliseconds(400),
        LaunchSettle = TimeSpan.Zero,
        LaunchSettleWithPrompt = TimeSpan.Zero,
    };

    private readonly AgentStateDetector _detector = new(AgentStatePatterns.Claude, Classic);

    private static DateTimeOffset T(double seconds) => AgentRecording.At(seconds);

    private AgentState? Screen(double at, string[] lines) => _detector.Observe(new AgentObservation.Screen(T(at), lines, CursorVisible: false));

    private AgentState? Hook(double at, HookSignal signal) => _detector.Observe(new AgentObservation.Hook(T(at), signal));

    private void Alive(double at = 0) => _detector.Observe(new AgentObservation.Process(T(at), Alive: true));

    [Fact]
    public void Is_not_started_until_the_process_is_seen_then_starting()
    {
        _detector.Current.ShouldBe(AgentState.NotStarted);
        _detector.Observe(new AgentObservation.Process(T(0), Alive: true))!.Activity.ShouldBe(AgentActivity.Starting);
    }

    [Fact]
    public void A_screen_change_is_reported_only_after_it_held_for_the_debounce()
    {
        Alive();
        Screen(1.0, SpinnerScreen).ShouldBeNull();
        _detector.Advance(T(1.3)).ShouldBeNull();
        _detector.NextCheckAt.ShouldBe(T(1.4));
        var state = _detector.Advance(T(1.4)).ShouldNotBeNull();
        state.Activity.ShouldBe(AgentActivity.Working);
        state.Source.ShouldBe(StateSource.Screen);
    }

    [Fact]
    public void A_change_that_does_not_hold_is_never_reported()
    {
        Alive();
        Screen(1.0, SpinnerScreen);
        _detector.Advance(T(1.5))!.Activity.ShouldBe(AgentActivity.Working);
        Screen(2.0, InputBoxScreen).ShouldBeNull(); // one frame caught mid-redraw
        Screen(2.1, SpinnerScreen).ShouldBeNull();
        _detector.Advance(T(5)).ShouldBeNull();
        _detector.Current.Activity.ShouldBe(AgentActivity.Working);
    }

    [Fact]
    public void A_hook_is_reported_at_once()
    {
        Alive();
        var state = Hook(1.0, HookSignal.Waiting).ShouldNotBeNull();
        state.Activity.ShouldBe(AgentActivity.WaitingForInput);
        state.Source.ShouldBe(StateSource.Hook);
        state.Confidence.ShouldBeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public void Done_from_a_hook_is_idle_and_marked_done()
    {
        Alive();
        var state = Hook(1.0, HookSignal.Done).ShouldNotBeNull();
        state.Activity.ShouldBe(AgentActivity.Idle);
        state.Done.ShouldBeTrue();
    }

    [Fact]
    public void Process_exit_is_reported_at_once_with_its_code_or_signal()
    {
        Alive();
        Hook(1.0, HookSignal.Working);
        var exited = _detector.Observe(new AgentObservation.Process(T(2), Alive: false, Signal: 9)).ShouldNotBeNull();
        exited.Activity.ShouldBe(AgentActivity.Exited);
        exited.Signal.ShouldBe(9);
        exited.IsRunning.ShouldBeFalse();
        Hook(3.0, HookSignal.Working).ShouldBeNull(); // nothing revives an exited agent
    }

    [Fact]
    public void A_lower_source_contradicts_a_hook_only_after_the_override_hold()
    {
        Alive();
        Hook(1.0, HookSignal.Waiting);
        Screen(2.0, SpinnerScreen); // the user answered; no hook says so
        _detector.Advance(T(3.0)).ShouldBeNull();
        _detector.Current.Activity.ShouldBe(AgentActivity.WaitingForInput);
        _detector.NextCheckAt.ShouldBe(T(3.5));
        var state = _detector.Advance(T(3.5)).ShouldNotBeNull();
        state.Activity.ShouldBe(AgentActivity.Working);
        state.Source.ShouldBe(StateSource.Screen);
    }

    [Fact]
    public void Older_lower_evidence_never_overrides_a_newer_hook()
    {
        Alive();
        Screen(1.0, InputBoxScreen);
        Hook(2.0, HookSignal.Working);
        _detector.Advance(T(30)).ShouldBeNull();
        _detector.Current.Activity.ShouldBe(AgentActivity.Working);
    }

    [Fact]
    public void Equal_times_go_to_the_more_reliable_source()
    {
        Alive();
        _detector.Observe(new AgentObservation.Terminal(T(1), TerminalSignalKind.Title, "⠋ fix: working"));
        Screen(1.0, InputBoxScreen);
        _detector.Advance(T(2))!.Source.ShouldBe(StateSource.Signal);
        _detector.Current.Activity.ShouldBe(AgentActivity.Working);
    }

    [Fact]
    public void A_bell_or_notification_means_waiting_each_time_it_rings()
    {
        Alive();
        _detector.Observe(new AgentObservation.Terminal(T(1), TerminalSignalKind.Bell));
        _detector.Advance(T(2))!.Activity.ShouldBe(AgentActivity.WaitingForInput);
        Screen(3, SpinnerScreen);
        _detector.Advance(T(4))!.Activity.ShouldBe(AgentActivity.Working);
        _detector.Observe(new AgentObservation.Terminal(T(5), TerminalSignalKind.Notification, "needs you"));
        _detector.Advance(T(6))!.Activity.ShouldBe(AgentActivity.WaitingForInput);
    }

    [Fact]
    public void A_title_that_only_changes_its_spinner_frame_is_one_opinion()
    {
        Alive();
        _detector.Observe(new AgentObservation.Terminal(T(1), TerminalSignalKind.Title, "⠋ fix: working"));
        Screen(2.0, ApprovalScreen); // newer than the title's opinion
        _detector.Observe(new AgentObservation.Terminal(T(2.1), TerminalSignalKind.Title, "⠙ fix: working"));
        _detector.Advance(T(3));
        _detector.Current.Activity.ShouldBe(AgentActivity.WaitingForInput);
    }

    [Fact]
    public void Output_alone_is_working_after_start_and_idle_once_quiet()
    {
        var detector = new AgentStateDetector(AgentStatePatterns.Generic, Classic);
        detector.Observe(new AgentObservation.Process(T(0), Alive: true));
        detector.Observe(new AgentObservation.Output(T(0.1), 500)); // the banner: still starting
        detector.Advance(T(1)).ShouldBeNull();
        detector.Advance(T(3.1)).ShouldBeNull(); // quiet since 0.1 + 3 s, then the debounce
        detector.Advance(T(3.5))!.Activity.ShouldBe(AgentActivity.Idle);
        detector.Current.Source.ShouldBe(StateSource.Activity);
        detector.Observe(new AgentObservation.Output(T(5), 100));
        detector.Observe(new AgentObservation.Output(T(5.2), 100));
        detector.Advance(T(5.4))!.Activity.ShouldBe(AgentActivity.Working);
        detector.Current.Confidence.ShouldBeLessThan(0.5);
    }

    [Fact]
    public void Output_that_floods_from_the_start_becomes_working_once_it_outlasts_a_banner()
    {
        var detector = new AgentStateDetector(AgentStatePatterns.Generic, Classic);
        var reported = new List<(double At, AgentActivity Activity)>();
        if (detector.Observe(new AgentObservation.Process(T(0), Alive: true)) is { } started)
            reported.Add((0, started.Activity));
        for (var tick = 1; tick <= 40; tick++)
        {
            var t = tick / 10.0;
            if (detector.Observe(new AgentObservation.Output(T(t), 4096)) is { } observed)
                reported.Add((t, observed.Activity));
            if (detector.Advance(T(t)) is { } advanced)
                reported.Add((t, advanced.Activity));
        }

        // Starting, then working once the burst (from 0.1) outlasted the 2 s banner allowance and held for the debounce.
        reported.Select(r => r.Activity).ShouldBe([AgentActivity.Starting, AgentActivity.Working]);
        reported[1].At.ShouldBeInRange(2.1, 2.6);
        detector.Current.Source.ShouldBe(StateSource.Activity);
    }

    [Fact]
    public void Child_processes_keep_a_quiet_agent_working()
    {
        var detector = new AgentStateDetector(AgentStatePatterns.Generic, Classic);
        detector.Observe(new AgentObservation.Process(T(0), Alive: true, HasChildren: true));
        detector.Advance(T(1))!.Activity.ShouldBe(AgentActivity.Working);
        detector.Advance(T(60)).ShouldBeNull();
        detector.Observe(new AgentObservation.Process(T(61), Alive: true, HasChildren: false));
        detector.Observe(new AgentObservation.Output(T(61), 10));
        detector.NextCheckAt.ShouldBe(T(64)); // the caller's timer follows NextCheckAt
        detector.Advance(T(64)).ShouldBeNull();
        detector.NextCheckAt.ShouldBe(T(64.4));
        detector.Advance(T(64.4))!.Activity.ShouldBe(AgentActivity.Idle);
    }

    [Fact]
    public void Typing_into_an_idle_input_box_stays_idle()
    {
        Alive();
        Screen(1, InputBoxScreen);
        _detector.Advance(T(2))!.Activity.ShouldBe(AgentActivity.Idle);
        for (var i = 0; i < 20; i++)
        {
            _detector.Observe(new AgentObservation.Output(T(3 + i * 0.1), 1));
            Screen(3 + i * 0.1, ["╭──────╮", $"│ > {new string('x', i)} │", "╰──────╯"]).ShouldBeNull();
        }

        _detector.Advance(T(10)).ShouldBeNull();
    }

    [Fact]
    public void Agreement_raises_confidence_and_disagreement_lowers_it()
    {
        Alive();
        Screen(1, SpinnerScreen);
        _detector.Observe(new AgentObservation.Terminal(T(1.1), TerminalSignalKind.Title, "⠋ fix: working"));
        _detector.Advance(T(2));
        var agreeing = _detector.Current.Confidence;

        var other = new AgentStateDetector(AgentStatePatterns.Claude, Classic);
        other.Observe(new AgentObservation.Process(T(0), Alive: true));
        other.Observe(new AgentObservation.Screen(T(0.5), InputBoxScreen, false));
        other.Observe(new AgentObservation.Terminal(T(1.1), TerminalSignalKind.Title, "⠋ fix: working"));
        other.Advance(T(2));
        other.Current.Activity.ShouldBe(AgentActivity.Working);
        other.Current.Confidence.ShouldBeLessThan(agreeing);
    }

    [Fact]
    public void A_source_change_without_an_activity_change_is_reported_without_debounce()
    {
        Alive();
        Screen(1, SpinnerScreen);
        _detector.Advance(T(2))!.Source.ShouldBe(StateSource.Screen);
        var state = Hook(2.5, HookSignal.Working).ShouldNotBeNull();
        state.Activity.ShouldBe(AgentActivity.Working);
        state.Source.ShouldBe(StateSource.Hook);
    }

    [Fact]
    public void Agreeing_sources_do_not_make_the_reported_source_flip()
    {
        Alive();
        _detector.Observe(new AgentObservation.Terminal(T(1), TerminalSignalKind.Title, "⠋ fix: working"));
        _detector.Advance(T(2))!.Source.ShouldBe(StateSource.Signal);
        Screen(3, SpinnerScreen).ShouldBeNull(); // newer, agreeing, less reliable: still reported as the signal's
        Screen(3.1, InputBoxScreen);
        Screen(3.2, SpinnerScreen).ShouldBeNull();
        _detector.Current.Source.ShouldBe(StateSource.Signal);
    }
}
