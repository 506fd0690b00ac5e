namespace FleetTui.Core.Agents;

/// <summary>
/// Decides what a task's agent is doing from timestamped observations (hooks, terminal signals, screen samples, output,
/// the process). Pure: no clock, no I/O; time only advances through the observations and <see cref="Advance"/>.
/// <para>
/// Each source keeps one opinion and the time it began (a source's opinion only "begins" when it changes, so a spinner
/// redrawn ten times a second is one opinion). The newest opinion wins, because the most recent change is the best
/// evidence of the present; ties go to the more reliable source (hook &gt; signal &gt; screen &gt; activity). Guards:
/// </para>
/// <list type="bullet">
/// <item>A dialog or a stuck agent on the screen (a choice menu, a retry countdown) outvotes everything: it is what the
/// user sees, whatever the window title says or the last hook said.</item>
/// <item>A less reliable source may contradict the last hook only after holding <see cref="AgentStateDetectorOptions.HookOverride"/>
/// (hooks miss events, so they cannot be final) — unless the screen confirmed the hook and has since moved on (the
/// permission dialog the hook announced was answered; the spinner of the turn it announced is gone after an Esc): the
/// hook is then superseded at once. A hook repeating what the screen has just left is late news and superseded too.</item>
/// <item>Any change not from a hook or the process must hold <see cref="AgentStateDetectorOptions.Debounce"/> before it is
/// reported; <see cref="AgentStateDetectorOptions.FastDebounce"/> for a dialog, a stuck agent, and what replaces a dialog.</item>
/// <item>The launch: "idle" is believed only after it held <see cref="AgentStateDetectorOptions.LaunchSettle"/> until the
/// agent first works, asks or is stuck (agents draw an empty input box before they submit their first prompt).</item>
/// </list>
/// <para>It keeps its evidence and a timeline of transitions: <see cref="Explain"/>.</para>
/// </summary>
public sealed class AgentStateDetector
{
    /// <summary>How many transitions <see cref="Explain"/> keeps.</summary>
    public const int TimelineLength = 32;

    private readonly AgentStateHints _hints;
    private readonly AgentStateDetectorOptions _options;
    private readonly List<AgentStateTransition> _transitions = [];

    private DateTimeOffset _now = DateTimeOffset.MinValue;
    private bool _started;
    private bool _launchOver;
    private AgentObservation.Process? _exit;
    private Opinion? _hook;
    private bool _hookDone;
    private bool _hookSuperseded;
    private HookEvidence? _lastHook;
    private Opinion? _signal;
    private string? _title;
    private DateTimeOffset? _titleAt;
    private ScreenMatch _screen = ScreenMatch.None;
    private DateTimeOffset _verdictSince;
    private ScreenVerdict _previousVerdict = ScreenVerdict.None;
    private DateTimeOffset? _verdictLeftAt;
    private DateTimeOffset? _lastOutput;
    private DateTimeOffset _burstStart;
    private bool _hasChildren;
    private DateTimeOffset _childrenSince;
    private DateTimeOffset? _overrideAt;
    private AgentActivity? _pending;
    private DateTimeOffset _pendingSince;
    private string? _currentRule;
    private DateTimeOffset? _answeredAt;
    private DateTimeOffset? _lastAnswer;
    private DateTimeOffset _matchChangedAt = DateTimeOffset.MinValue;

    public AgentStateDetector(AgentStateHints hints, AgentStateDetectorOptions? options = null)
    {
        _hints = hints;
        _options = options ?? AgentStateDetectorOptions.Default;
    }

    /// <summary>The agent was started with a prompt (its ticket as an argument or typed in): it works before it is idle.</summary>
    public bool StartedWithPrompt { get; init; }

    /// <summary>The state last reported.</summary>
    public AgentState Current { get; private set; } = AgentState.NotStarted;

    /// <summary>When <see cref="Current"/>'s activity was reported.</summary>
    public DateTimeOffset CurrentSince { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>
    /// When calling <see cref="Advance"/> could change the state with no new observation (a debounce or a quiet period
    /// running out), or null when nothing is pending: lets the caller run a timer only when needed.
    /// </summary>
    public DateTimeOffset? NextCheckAt { get; private set; }

    /// <summary>Takes one observation; returns the new state when the activity or its source changed, else null.</summary>
    public AgentState? Observe(AgentObservation observation)
    {
        if (observation.At > _now)
            _now = observation.At;
        Apply(observation);
        return Evaluate();
    }

    /// <summary>Lets time pass (a timer tick); returns the new state when the activity or its source changed, else null.</summary>
    public AgentState? Advance(DateTimeOffset now)
    {
        if (now > _now)
            _now = now;
        return Evaluate();
    }

    /// <summary>Why the detector says what it says, with its evidence and timeline, as of the last observation or tick.</summary>
    public AgentStateExplanation Explain() => new()
    {
        At = _now,
        State = Current,
        Since = CurrentSince,
        Rule = _currentRule,
        LastHook = _lastHook,
        HookSuperseded = _hookSuperseded,
        Screen = _screen,
        ScreenSince = _screen.Verdict == ScreenVerdict.None ? null : _verdictSince,
        Title = _title,
        TitleAt = _titleAt,
        LastOutput = _lastOutput,
        Pending = _pending,
        Transitions = [.. _transitions],
    };

    private void Apply(AgentObservation observation)
    {
        switch (observation)
        {
            case AgentObservation.Hook hook:
                _started = true;
                _lastHook = new HookEvidence(hook.At, hook.Signal, hook.Event);
                if (hook.Signal == HookSignal.Started)
                    break; // the agent is up; it is still starting until it works, asks or settles
                var activity = ActivityOf(hook.Signal);
                _hook = new Opinion(activity, hook.At, StateSource.Hook, hook.Event ?? "signal " + hook.Signal.ToString().ToLowerInvariant());
                _hookDone = hook.Signal == HookSignal.Done;
                // Late news: the screen showed this and left it just before (a dialog answered before the hook's process got to report it).
                _hookSuperseded = (_verdictLeftAt is { } left && ActivityOf(_previousVerdict) == activity
                        && ActivityOf(_screen.Verdict) != activity && hook.At - left <= _options.HookLag)
                    // ...or the user already answered the dialog it announces (a new dialog shows on screen anyway).
                    || (activity == AgentActivity.WaitingForInput && _lastAnswer is { } answer && hook.At >= answer && hook.At - answer <= _options.HookLag);
                break;
            case AgentObservation.Terminal { Kind: TerminalSignalKind.Notification or TerminalSignalKind.Bell } signal:
                // Each ring is fresh evidence, even when the last signal already said waiting.
                _signal = new Opinion(AgentActivity.WaitingForInput, signal.At, StateSource.Signal,
                    signal.Kind == TerminalSignalKind.Bell ? "bell" : "notification");
                break;
            case AgentObservation.Terminal { Kind: TerminalSignalKind.Title } title:
                _title = title.Text ?? "";
                _titleAt = title.At;
                var announced = _hints.ClassifyTitle(_title);
                if (announced is { } titled && _signal?.Activity != titled)
                    _signal = new Opinion(titled, title.At, StateSource.Signal, "title");
                break;
            case AgentObservation.Screen screen:
                var match = _hints.MatchScreen(screen.Lines, screen.CursorVisible);
                if (match.Verdict != _screen.Verdict)
                {
                    // The screen confirmed the hook and now shows something else: that is newer than the hook.
                    if (_hook is { } hooked && ActivityOf(_screen.Verdict) == hooked.Activity)
                        _hookSuperseded = true;
                    _previousVerdict = _screen.Verdict;
                    _verdictLeftAt = screen.At;
                    _verdictSince = screen.At;
                }

                if (!match.MatchedLines.SequenceEqual(_screen.MatchedLines))
                    _matchChangedAt = screen.At; // another dialog, even one with the same verdict
                _screen = match;
                break;
            case AgentObservation.Input { Kind: InputKind.Confirm } input
                when Current.Activity == AgentActivity.WaitingForInput && _screen.Rule == "choice":
                // The user made the choice: the agent goes on (a grant, an answer). The screen says so a redraw later.
                _answeredAt = input.At;
                _lastAnswer = input.At;
                break;
            case AgentObservation.Output output:
                if (_lastOutput is not { } last || output.At - last >= _options.QuietAfter)
                    _burstStart = output.At;
                _lastOutput = output.At;
                break;
            case AgentObservation.Process { Alive: true } process:
                _started = true;
                if (process.HasChildren != _hasChildren)
                {
                    _hasChildren = process.HasChildren;
                    _childrenSince = process.At;
                }

                break;
            case AgentObservation.Process exited:
                _exit = exited;
                break;
        }
    }

    private AgentState? Evaluate()
    {
        if (_exit is { } exit)
        {
            NextCheckAt = null;
            _pending = null;
            return Report(new AgentState(AgentActivity.Exited, StateSource.Process, exit.ExitCode, exit.Signal), exit.Signal is null ? "exit" : "signal");
        }

        var opinions = Opinions();
        var winner = Choose(opinions);
        if (winner is null)
        {
            NextCheckAt = QuietDeadline();
            return _started && Current.Activity == AgentActivity.NotStarted
                ? Report(new AgentState(AgentActivity.Starting, StateSource.Process) { Confidence = 0.6 }, "started")
                : null;
        }

        var chosen = winner.Value;
        if (chosen.Activity == Current.Activity)
        {
            // Same activity: name the most reliable source that agrees, so the source shown does not flip between
            // two agreeing sources each time one of them repeats itself.
            chosen = opinions.Where(o => o.Activity == chosen.Activity).Append(chosen).MinBy(o => o.Source);
        }

        // Evidence of work, a question or a blocked API ends the launch even before it is reported (a turn shorter than a debounce).
        if (chosen.Activity is AgentActivity.Working or AgentActivity.WaitingForInput or AgentActivity.Stuck)
            _launchOver = true;
        var settled = false;
        if (!_launchOver && chosen.Activity == AgentActivity.Idle)
        {
            if (SettlingLaunch(chosen) is { } settledAt)
            {
                _pending = null;
                NextCheckAt = Earliest(QuietDeadline(), settledAt);
                return _started && Current.Activity == AgentActivity.NotStarted
                    ? Report(new AgentState(AgentActivity.Starting, StateSource.Process) { Confidence = 0.6 }, "started")
                    : null;
            }
            settled = true; // held longer than any debounce
        }

        var state = new AgentState(chosen.Activity, chosen.Source)
        {
            Confidence = ConfidenceOf(chosen, opinions),
            Done = chosen.Source == StateSource.Hook && _hookDone,
        };

        if (settled || chosen.Activity == Current.Activity || chosen.Source == StateSource.Hook || chosen.Rule == AnsweredRule)
            return ReportNow(state, chosen);

        // Newer evidence that has outheld the hook-override hold has held longer than any debounce already.
        if (_hook is { } hook && !_hookSuperseded && chosen.Activity != hook.Activity && _now - chosen.Since >= _options.HookOverride)
            return ReportNow(state, chosen);

        if (_pending != chosen.Activity)
        {
            _pending = chosen.Activity;
            _pendingSince = _now;
        }

        var debounce = IsFast(chosen) ? _options.FastDebounce : _options.Debounce;
        if (_now - _pendingSince >= debounce)
            return ReportNow(state, chosen);

        NextCheckAt = Earliest(QuietDeadline(), _pendingSince + debounce);
        return null;
    }

    private AgentState? ReportNow(AgentState state, Opinion chosen)
    {
        _pending = null;
        _launchOver = true;
        NextCheckAt = QuietDeadline();
        return Report(state, chosen.Rule);
    }

    /// <summary>
    /// While the agent has not yet worked, asked or been idle: null when <paramref name="chosen"/> may be reported, else
    /// when an "idle" will have held long enough to be believed. A hook is believed at once.
    /// </summary>
    private DateTimeOffset? SettlingLaunch(Opinion chosen)
    {
        // A line-based program prints its prompt only once it reads input: that prompt is never premature.
        if (chosen.Activity != AgentActivity.Idle || chosen.Source == StateSource.Hook || _hints.PromptNeedsCursor)
            return null;
        var settle = StartedWithPrompt ? _options.LaunchSettleWithPrompt : _options.LaunchSettle;
        if (settle < _options.Debounce)
            settle = _options.Debounce; // a settled idle is reported at once: it must have held a debounce too
        if (_now - chosen.Since >= settle)
            return null;
        // A turn too short for its spinner to be sampled still writes (the prompt, the answer): output after the idle
        // screen appeared, then quiet, is an agent that did its first turn and settled.
        if (StartedWithPrompt && _lastOutput is { } last && last - chosen.Since >= _options.LaunchQuiet)
            return _now - last >= _options.LaunchQuiet ? null : last + _options.LaunchQuiet;
        return chosen.Since + settle;
    }

    /// <summary>A dialog or a stuck agent on the screen, or what the screen shows once a dialog it showed closed.</summary>
    private bool IsFast(Opinion chosen) =>
        chosen.Source == StateSource.Screen
        && (_screen.Verdict is ScreenVerdict.Waiting or ScreenVerdict.Stuck
            || (_previousVerdict == ScreenVerdict.Waiting && Current.Activity == AgentActivity.WaitingForInput));

    /// <summary>Replaces <see cref="Current"/>; returns the state when its activity, source or done flag changed.</summary>
    private AgentState? Report(AgentState state, string? rule)
    {
        var previous = Current;
        Current = state;
        if (previous.Activity != state.Activity || previous.Source != state.Source)
            _currentRule = rule;
        if (previous.Activity != state.Activity)
        {
            CurrentSince = _now;
            _transitions.Add(new AgentStateTransition(_now, state.Activity, state.Source, rule));
            if (_transitions.Count > TimelineLength)
                _transitions.RemoveAt(0);
        }
        return previous.Activity != state.Activity || previous.Source != state.Source || previous.Done != state.Done
            ? state
            : null;
    }

    private List<Opinion> Opinions()
    {
        var opinions = new List<Opinion>(4);
        if (_hook is { } hook && !_hookSuperseded)
            opinions.Add(hook);
        if (_signal is { } signal)
            opinions.Add(signal);
        if (ActivityOf(_screen.Verdict) is { } screen)
            opinions.Add(new Opinion(screen, _verdictSince, StateSource.Screen, _screen.Rule));
        else if (ActivityOpinion() is { } activity)
        {
            // Output and the process tree speak only when the screen is silent: a screen we can read knows better
            // (typing into an idle agent's input box is output too).
            opinions.Add(activity);
        }

        return opinions;
    }

    private Opinion? ActivityOpinion()
    {
        if (_hasChildren)
            return new Opinion(AgentActivity.Working, _childrenSince, StateSource.Activity, "child process");
        if (_lastOutput is not { } last)
            return null;
        if (_now - last >= _options.QuietAfter)
            return new Opinion(AgentActivity.Idle, last + _options.QuietAfter, StateSource.Activity, "quiet output");
        // Every agent prints a banner while it starts: output alone does not mean it began working, unless it goes on
        // for longer than any banner.
        if (Current.Activity is AgentActivity.NotStarted or AgentActivity.Starting)
        {
            return _now - _burstStart >= _options.StartupBanner
                ? new Opinion(AgentActivity.Working, _burstStart + _options.StartupBanner, StateSource.Activity, "output")
                : null;
        }
        return new Opinion(AgentActivity.Working, _burstStart, StateSource.Activity, "output");
    }

    private Opinion? Choose(List<Opinion> opinions)
    {
        _overrideAt = null;
        if (Answered() is { } answered)
            return answered;
        if (opinions.Count == 0)
            return null;

        // A menu to choose from or a blocked API, on the screen now, is what the user sees: nothing outvotes it.
        if (_screen.Rule is "choice" or "stuck")
            return opinions.First(o => o.Source == StateSource.Screen);

        var newest = opinions[0];
        foreach (var opinion in opinions.Skip(1))
        {
            if (opinion.Since > newest.Since || (opinion.Since == newest.Since && opinion.Source < newest.Source))
                newest = opinion;
        }

        if (_hook is { } hook && !_hookSuperseded && newest.Source != StateSource.Hook && newest.Activity != hook.Activity
            && _now - newest.Since < _options.HookOverride)
        {
            _overrideAt = newest.Since + _options.HookOverride;
            return hook;
        }

        return newest;
    }

    /// <summary>
    /// "Working", from the moment the user answered the dialog on screen until the screen shows anything new (or, should
    /// the key not have reached the dialog, until <see cref="AgentStateDetectorOptions.AnswerHold"/> passed).
    /// </summary>
    private Opinion? Answered()
    {
        if (_answeredAt is not { } at)
            return null;
        if (_verdictSince > at || _matchChangedAt > at || _now - at >= _options.AnswerHold || _screen.Rule != "choice")
        {
            _answeredAt = null;
            return null;
        }
        return new Opinion(AgentActivity.Working, at, StateSource.Activity, AnsweredRule);
    }

    private const string AnsweredRule = "dialog answered";

    private static double ConfidenceOf(Opinion chosen, List<Opinion> opinions)
    {
        var confidence = chosen.Source switch
        {
            StateSource.Hook => 0.95,
            StateSource.Signal => 0.8,
            StateSource.Screen => 0.7,
            _ => 0.45,
        };
        foreach (var other in opinions)
        {
            if (other.Source != chosen.Source)
                confidence += other.Activity == chosen.Activity ? 0.05 : -0.1;
        }

        return Math.Clamp(confidence, 0.05, 1.0);
    }

    private DateTimeOffset? QuietDeadline()
    {
        DateTimeOffset? deadline = null;
        if (_lastOutput is { } last && _now - last < _options.QuietAfter)
        {
            deadline = last + _options.QuietAfter;
            if (Current.Activity is AgentActivity.NotStarted or AgentActivity.Starting && _now - _burstStart < _options.StartupBanner)
                deadline = Earliest(deadline, _burstStart + _options.StartupBanner); // a long start-up burst becomes work then
        }
        if (_overrideAt is { } overrideAt)
            deadline = Earliest(deadline, overrideAt); // newer evidence from a lower source matures into an override then
        if (_answeredAt is { } answeredAt)
            deadline = Earliest(deadline, answeredAt + _options.AnswerHold); // a dialog still up after its answer is up again
        return deadline;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value < b ? value : b;

    private static AgentActivity ActivityOf(HookSignal signal) => signal switch
    {
        HookSignal.Working => AgentActivity.Working,
        HookSignal.Waiting => AgentActivity.WaitingForInput,
        _ => AgentActivity.Idle,
    };

    private static AgentActivity? ActivityOf(ScreenVerdict verdict) => verdict switch
    {
        ScreenVerdict.Working => AgentActivity.Working,
        ScreenVerdict.Waiting => AgentActivity.WaitingForInput,
        ScreenVerdict.Prompt => AgentActivity.Idle,
        ScreenVerdict.Stuck => AgentActivity.Stuck,
        _ => null,
    };

    private readonly record struct Opinion(AgentActivity Activity, DateTimeOffset Since, StateSource Source, string? Rule);
}
