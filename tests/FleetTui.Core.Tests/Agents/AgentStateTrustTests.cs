using FleetTui.Core.Agents;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Agents;

/// <summary>
/// The states a user can trust (issue 13), on the detector alone with Claude Code's real screens: no idle while an
/// agent starts, a dialog is waiting whatever the title or the last hook says, a granted dialog is working at once,
/// an interrupt ends working without a hook, a blocked API is stuck.
/// </summary>
public sealed class AgentStateTrustTests
{
    private static readonly string[] EmptyInputBox =
        ["─────", "❯ ", "─────", "  ⏸ manual mode on · ? for shortcuts · ← for agents"];
    private static readonly string[] Spinner =
        ["❯ fix it", "✶ Pontificating… (0s · ↓ 5 tokens)", "─────", "❯ ", "─────", "  ⏸ manual mode on · esc to interrupt · ← for agents"];
    private static readonly string[] Permission =
        ["Bash command", " touch fleet-probe.txt", " Do you want to proceed?", " ❯ 1. Yes", "   2. No", " Esc to cancel · Tab to amend"];
    private static readonly string[] Question =
        ["Which color should the button be?", "❯ 1. Red", "  2. Blue", "Enter to select · ↑/↓ to navigate · Esc to cancel"];
    private static readonly string[] Interrupted =
        ["  ⎿  Interrupted · What should Claude do instead?", "─────", "❯ ", "─────", "  ⏸ manual mode on · ? for shortcuts"];
    private static readonly string[] Retrying =
        ["❯ fix it", "✻ API error · retrying in 31s · attempt 1/10", "─────", "❯ ", "─────", "  ⏸ manual mode on · esc to interrupt"];
    private static readonly string[] NoCredit =
        ["  ⎿  Credit balance too low · Add funds: https://platform.claude.com/settings/billing", "─────", "❯ Once fixed, resend your message", "─────", "  ? for shortcuts"];
    private static readonly string[] GeminiTrust =
        ["│ Do you trust the files in this folder?                │", "│ ● 1. Trust folder (t1)                                │", "│   2. Trust parent folder (repo.worktrees)             │", "│   3. Don't trust                                      │"];

    private static DateTimeOffset T(double seconds) => AgentRecording.At(seconds);

    private static AgentStateDetector Claude(bool prompted = true) => new(AgentStatePatterns.Claude) { StartedWithPrompt = prompted };

    private static void Screen(AgentStateDetector detector, double at, string[] lines) =>
        detector.Observe(new AgentObservation.Screen(T(at), lines, CursorVisible: false));

    private static void Hook(AgentStateDetector detector, double at, HookSignal signal, string? hookEvent = null) =>
        detector.Observe(new AgentObservation.Hook(T(at), signal, Event: hookEvent));

    private static List<AgentActivity> Reported(AgentStateDetector detector, double from, double to, Action<double> at)
    {
        var seen = new List<AgentActivity>();
        for (var t = from; t <= to + 1e-9; t += 0.05)
        {
            at(t);
            detector.Advance(T(t));
            if (seen.Count == 0 || seen[^1] != detector.Current.Activity)
                seen.Add(detector.Current.Activity);
        }
        return seen;
    }

    [Fact]
    public void The_empty_input_box_and_idle_title_of_a_starting_agent_are_not_idle()
    {
        var detector = Claude();
        detector.Observe(new AgentObservation.Process(T(0), Alive: true));
        detector.Observe(new AgentObservation.Terminal(T(0.9), TerminalSignalKind.Title, "✳ Claude Code"));
        var seen = Reported(detector, 1.0, 1.9, t => Screen(detector, t, EmptyInputBox));
        seen.ShouldBe([AgentActivity.Starting]);

        Reported(detector, 2.0, 3.0, t => Screen(detector, t, Spinner)).ShouldBe([AgentActivity.Starting, AgentActivity.Working]);
        Reported(detector, 3.1, 4.0, t => Screen(detector, t, EmptyInputBox)).ShouldBe([AgentActivity.Working, AgentActivity.Idle]);
    }

    [Fact]
    public void A_first_turn_too_short_for_its_spinner_to_be_seen_is_idle_once_its_output_settles()
    {
        var detector = Claude();
        detector.Observe(new AgentObservation.Process(T(0), Alive: true));
        Screen(detector, 1.0, EmptyInputBox);
        detector.Observe(new AgentObservation.Output(T(1.0), 800));
        detector.Observe(new AgentObservation.Output(T(1.9), 300)); // the prompt and its answer, no spinner sampled
        detector.Advance(T(2.5));
        detector.Current.Activity.ShouldBe(AgentActivity.Starting);
        detector.Advance(T(1.9) + AgentStateDetectorOptions.Default.LaunchQuiet)!.Activity.ShouldBe(AgentActivity.Idle);
    }

    [Fact]
    public void A_second_dialog_right_after_an_answered_one_is_waiting_again_at_once()
    {
        var detector = new AgentStateDetector(AgentStatePatterns.Gemini);
        detector.Observe(new AgentObservation.Process(T(0), Alive: true));
        Screen(detector, 1.0, GeminiTrust);
        detector.Advance(T(1.1));
        detector.Observe(new AgentObservation.Input(T(2.0), InputKind.Confirm))!.Activity.ShouldBe(AgentActivity.Working);
        Screen(detector, 2.4, ["│ How would you like to authenticate for this project? │", "│   ● 1. Sign in with Google                        │", "│     2. Use Gemini API Key                         │"]);
        detector.Advance(T(2.4) + AgentStateDetectorOptions.Default.FastDebounce)!.Activity.ShouldBe(AgentActivity.WaitingForInput);
    }

    [Fact]
    public void An_agent_started_without_a_prompt_is_idle_once_it_settled()
    {
        var detector = Claude(prompted: false);
        detector.Observe(new AgentObservation.Process(T(0), Alive: true));
        Screen(detector, 1.0, EmptyInputBox);
        detector.Advance(T(2.0));
        detector.Current.Activity.ShouldBe(AgentActivity.Starting);
        detector.NextCheckAt.ShouldBe(T(1.0) + AgentStateDetectorOptions.Default.LaunchSettle);
        detector.Advance(T(2.5))!.Activity.ShouldBe(AgentActivity.Idle);
    }

    [Fact]
    public void A_dialog_on_screen_is_waiting_within_the_fast_debounce_whatever_the_title_says()
    {
        var detector = new AgentStateDetector(AgentStatePatterns.Gemini);
        detector.Observe(new AgentObservation.Process(T(0), Alive: true));
        Screen(detector, 1.0, GeminiTrust);
        detector.Observe(new AgentObservation.Terminal(T(1.02), TerminalSignalKind.Title, "◇  Ready (t1)"));
        detector.Advance(T(1.05))!.Activity.ShouldBe(AgentActivity.WaitingForInput);
        detector.Advance(T(5)).ShouldBeNull();
        detector.Current.Activity.ShouldBe(AgentActivity.WaitingForInput);
    }

    [Fact]
    public void A_question_outvotes_the_working_hook_that_came_just_before_it()
    {
        var detector = Claude();
        detector.Observe(new AgentObservation.Process(T(0), Alive: true));
        Hook(detector, 1.0, HookSignal.Working, "PreToolUse");
        Screen(detector, 1.1, Question);
        detector.Advance(T(1.15))!.Activity.ShouldBe(AgentActivity.WaitingForInput);
    }

    [Fact]
    public void Answering_a_dialog_is_working_at_once_and_stays_working_when_the_spinner_comes()
    {
        var detector = Claude();
        detector.Observe(new AgentObservation.Process(T(0), Alive: true));
        Hook(detector, 1.0, HookSignal.Waiting, "Notification");
        Screen(detector, 1.0, Permission);
        detector.Current.Activity.ShouldBe(AgentActivity.WaitingForInput);

        detector.Observe(new AgentObservation.Input(T(3.0), InputKind.Confirm))!.Activity.ShouldBe(AgentActivity.Working);
        Screen(detector, 3.2, Spinner);
        detector.Advance(T(5)).ShouldBeNull();
        detector.Current.Activity.ShouldBe(AgentActivity.Working);
        detector.Explain().HookSuperseded.ShouldBeTrue();
    }

    [Fact]
    public void A_dialog_still_up_after_its_answer_reads_waiting_again()
    {
        var detector = Claude();
        detector.Observe(new AgentObservation.Process(T(0), Alive: true));
        Screen(detector, 1.0, Permission);
        detector.Advance(T(1.1));
        detector.Observe(new AgentObservation.Input(T(2.0), InputKind.Confirm))!.Activity.ShouldBe(AgentActivity.Working);
        detector.NextCheckAt.ShouldBe(T(2.0) + AgentStateDetectorOptions.Default.AnswerHold);
        detector.Advance(T(3.0));
        detector.Advance(T(3.0) + AgentStateDetectorOptions.Default.FastDebounce)!.Activity.ShouldBe(AgentActivity.WaitingForInput);
    }

    [Fact]
    public void A_dialog_closing_on_screen_supersedes_the_waiting_hook_without_the_hook_hold()
    {
        var detector = Claude();
        detector.Observe(new AgentObservation.Process(T(0), Alive: true));
        Screen(detector, 1.0, Permission);
        Hook(detector, 1.3, HookSignal.Waiting, "Notification");
        Screen(detector, 3.0, Spinner);
        detector.Advance(T(3.05))!.Activity.ShouldBe(AgentActivity.Working);
    }

    [Fact]
    public void A_waiting_hook_that_comes_after_its_dialog_closed_is_late_news()
    {
        var detector = Claude();
        detector.Observe(new AgentObservation.Process(T(0), Alive: true));
        Screen(detector, 1.0, Permission);
        detector.Advance(T(1.1));
        Screen(detector, 1.3, Spinner);
        detector.Advance(T(1.4))!.Activity.ShouldBe(AgentActivity.Working);
        Hook(detector, 1.6, HookSignal.Waiting, "Notification");
        detector.Current.Activity.ShouldBe(AgentActivity.Working);
    }

    [Fact]
    public void A_waiting_hook_that_comes_after_the_user_answered_its_dialog_is_late_news()
    {
        var detector = Claude();
        detector.Observe(new AgentObservation.Process(T(0), Alive: true));
        Screen(detector, 1.0, Permission);
        detector.Advance(T(1.1));
        detector.Observe(new AgentObservation.Input(T(1.2), InputKind.Confirm))!.Activity.ShouldBe(AgentActivity.Working);
        Hook(detector, 1.4, HookSignal.Waiting, "Notification"); // its process took longer than the user
        detector.Current.Activity.ShouldBe(AgentActivity.Working);
        Screen(detector, 1.5, Spinner);
        detector.Advance(T(3)).ShouldBeNull();
        detector.Current.Activity.ShouldBe(AgentActivity.Working);
    }

    [Fact]
    public void An_interrupt_ends_working_within_the_debounce_although_the_last_hook_said_working()
    {
        var detector = Claude();
        detector.Observe(new AgentObservation.Process(T(0), Alive: true));
        Hook(detector, 1.0, HookSignal.Working, "UserPromptSubmit");
        Screen(detector, 1.1, Spinner);
        Screen(detector, 5.0, Interrupted);
        detector.Advance(T(5.0) + AgentStateDetectorOptions.Default.Debounce)!.Activity.ShouldBe(AgentActivity.Idle);
    }

    [Fact]
    public void A_retry_countdown_is_stuck_over_its_spinner_and_over_the_working_hook()
    {
        var detector = Claude();
        detector.Observe(new AgentObservation.Process(T(0), Alive: true));
        Hook(detector, 1.0, HookSignal.Working, "UserPromptSubmit");
        Screen(detector, 1.5, Retrying);
        var state = detector.Advance(T(1.55)).ShouldNotBeNull();
        state.Activity.ShouldBe(AgentActivity.Stuck);
        state.IsRunning.ShouldBeTrue();
    }

    [Fact]
    public void No_credit_under_the_prompt_is_stuck_but_a_spinner_below_the_old_error_is_working()
    {
        AgentStatePatterns.Claude.ClassifyScreen(NoCredit, false).ShouldBe(ScreenVerdict.Stuck);
        AgentStatePatterns.Claude.ClassifyScreen([.. NoCredit, "✶ Pontificating… (0s · ↓ 5 tokens)", "  esc to interrupt"], false).ShouldBe(ScreenVerdict.Working);
    }

    [Fact]
    public void Explain_keeps_the_evidence_and_the_timeline()
    {
        var detector = Claude();
        detector.Observe(new AgentObservation.Process(T(0), Alive: true));
        Hook(detector, 1.0, HookSignal.Working, "UserPromptSubmit");
        Screen(detector, 1.1, Spinner);
        Screen(detector, 2.0, Permission);
        detector.Advance(T(2.1));

        var explanation = detector.Explain();
        explanation.State.Activity.ShouldBe(AgentActivity.WaitingForInput);
        explanation.Rule.ShouldBe("choice");
        explanation.Screen.MatchedLines.ShouldContain("❯ 1. Yes");
        explanation.LastHook.ShouldBe(new HookEvidence(T(1.0), HookSignal.Working, "UserPromptSubmit"));
        explanation.Transitions.Select(t => t.Activity).ShouldBe([AgentActivity.Starting, AgentActivity.Working, AgentActivity.WaitingForInput]);
        explanation.Transitions[1].Rule.ShouldBe("UserPromptSubmit");
    }

    [Fact]
    public void Gemini_debug_lines_printed_under_its_auth_dialog_do_not_hide_it()
    {
        string[] screen =
        [
            "│   How would you like to authenticate for this project?   │", "│   ● 1. Sign in with Google   │", "│     2. Use Gemini API Key   │",
            "│     3. Vertex AI   │", "│   No authentication method selected.   │", "│   (Use Enter to select)   │", "│   Terms of Services   │",
            "│   https://geminicli.com/docs/resources/tos-privacy/   │", "╰────────╯",
            "[DEBUG] [IDEConnectionUtils] Failed to read IDE connection directory: Error: ENOENT", " directory, scandir '/tmp/gemini/ide'",
            "gemini-cli/bundle/chunk-JDPZ4CE3.js:306219:17)", "CE3.js:306645:58 {", "  errno: -2,", "  code: 'ENOENT',", "  syscall: 'scandir',", "  path: '/tmp/gemini/ide'", "}",
        ];
        AgentStatePatterns.Gemini.ClassifyScreen(screen, false).ShouldBe(ScreenVerdict.Waiting);
    }
}
