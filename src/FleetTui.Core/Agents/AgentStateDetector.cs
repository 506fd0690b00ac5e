namespace FleetTui.Core.Agents;

/// <summary>
/// Decides what a task's agent is doing from timestamped observations (hooks, terminal signals, screen samples, output,
/// the process). Pure: no clock, no I/O; time only advances through the observations and <see cref="Advance"/>.
/// <para>
/// Each source keeps one opinion and the time it began (a source's opinion only "begins" when it changes, so a spinner
/// redrawn ten times a second is one opinion). The newest opinion wins, because the most recent change is the best
/// evidence of the present; ties go to the more reliable source (hook &gt; signal &gt; screen &gt; activity). Two guards
/// keep the result calm: a less reliable source may contradict the last hook only after holding <see cref="AgentStateDetectorOptions.HookOverride"/>
/// (hooks miss events, e.g. the user answering a permission prompt, so they cannot be final), and any change not from a
/// hook or the process must hold <see cref="AgentStateDetectorOptions.Debounce"/> before it is reported.
/// </para>
/// </summary>
public sealed class AgentStateDetector
{
    private readonly AgentStateHints _hints;
    private readonly AgentStateDetectorOptions _options;

    private DateTimeOffset _now = DateTimeOffset.MinValue;
    private bool _started;
    private AgentObservation.Process? _exit;
    private Opinion? _hook;
    private bool _hookDone;
    private Opinion? _signal;
    private ScreenVerdict _verdict = ScreenVerdict.None;
    private DateTimeOffset _verdictSince;
    private DateTimeOffset? _lastOutput;
    private DateTimeOffset _burstStart;
    private bool _hasChildren;
    private DateTimeOffset _childrenSince;
    private DateTimeOffset? _overrideAt;
    private AgentActivity? _pending;
    private DateTimeOffset _pendingSince;

    public AgentStateDetector(AgentStateHints hints, AgentStateDetectorOptions? options = null)
    {
        _hints = hints;
        _options = options ?? AgentStateDetectorOptions.Default;
    }

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

    private void Apply(AgentObservation observation)
    {
        switch (observation)
        {
            case AgentObservation.Hook hook:
                _started = true;
                _hook = new Opinion(ActivityOf(hook.Signal), hook.At, StateSource.Hook);
                _hookDone = hook.Signal == HookSignal.Done;
                break;
            case AgentObservation.Terminal { Kind: TerminalSignalKind.Notification or TerminalSignalKind.Bell } signal:
                // Each ring is fresh evidence, even when the last signal already said waiting.
                _signal = new Opinion(AgentActivity.WaitingForInput, signal.At, StateSource.Signal);
                break;
            case AgentObservation.Terminal { Kind: TerminalSignalKind.Title } title:
                var announced = _hints.ClassifyTitle(title.Text ?? "");
                if (announced is { } activity && _signal?.Activity != activity)
                    _signal = new Opinion(activity, title.At, StateSource.Signal);
                break;
            case AgentObservation.Screen screen:
                var verdict = _hints.ClassifyScreen(screen.Lines, screen.CursorVisible);
                if (verdict != _verdict)
                {
                    _verdict = verdict;
                    _verdictSince = screen.At;
                }

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
            return Report(new AgentState(AgentActivity.Exited, StateSource.Process, exit.ExitCode, exit.Signal));
        }

        var opinions = Opinions();
        var winner = Choose(opinions);
        if (winner is null)
        {
            NextCheckAt = QuietDeadline();
            return _started && Current.Activity == AgentActivity.NotStarted
                ? Report(new AgentState(AgentActivity.Starting, StateSource.Process) { Confidence = 0.6 })
                : null;
        }

        var chosen = winner.Value;
        if (chosen.Activity == Current.Activity)
        {
            // Same activity: name the most reliable source that agrees, so the source shown does not flip between
            // two agreeing sources each time one of them repeats itself.
            chosen = opinions.Where(o => o.Activity == chosen.Activity).MinBy(o => o.Source);
        }

        var state = new AgentState(chosen.Activity, chosen.Source)
        {
            Confidence = ConfidenceOf(chosen, opinions),
            Done = chosen.Source == StateSource.Hook && _hookDone,
        };

        if (chosen.Activity == Current.Activity || chosen.Source == StateSource.Hook)
        {
            _pending = null;
            NextCheckAt = QuietDeadline();
            return Report(state);
        }

        // Newer evidence that has outheld the hook-override hold has held longer than any debounce already.
        if (_hook is { } hook && chosen.Activity != hook.Activity && _now - chosen.Since >= _options.HookOverride)
        {
            _pending = null;
            NextCheckAt = QuietDeadline();
            return Report(state);
        }

        if (_pending != chosen.Activity)
        {
            _pending = chosen.Activity;
            _pendingSince = _now;
        }

        if (_now - _pendingSince >= _options.Debounce)
        {
            _pending = null;
            NextCheckAt = QuietDeadline();
            return Report(state);
        }

        NextCheckAt = _pendingSince + _options.Debounce;
        return null;
    }

    /// <summary>Replaces <see cref="Current"/>; returns the state when its activity, source or done flag changed.</summary>
    private AgentState? Report(AgentState state)
    {
        var previous = Current;
        Current = state;
        if (previous.Activity != state.Activity)
            CurrentSince = _now;
        return previous.Activity != state.Activity || previous.Source != state.Source || previous.Done != state.Done
            ? state
            : null;
    }

    private List<Opinion> Opinions()
    {
        var opinions = new List<Opinion>(4);
        if (_hook is { } hook)
            opinions.Add(hook);
        if (_signal is { } signal)
            opinions.Add(signal);
        switch (_verdict)
        {
            case ScreenVerdict.Working:
                opinions.Add(new Opinion(AgentActivity.Working, _verdictSince, StateSource.Screen));
                break;
            case ScreenVerdict.Waiting:
                opinions.Add(new Opinion(AgentActivity.WaitingForInput, _verdictSince, StateSource.Screen));
                break;
            case ScreenVerdict.Prompt:
                opinions.Add(new Opinion(AgentActivity.Idle, _verdictSince, StateSource.Screen));
                break;
            default:
                // Output and the process tree speak only when the screen is silent: a screen we can read knows better
                // (typing into an idle agent's input box is output too).
                if (ActivityOpinion() is { } activity)
                    opinions.Add(activity);
                break;
        }

        return opinions;
    }

    private Opinion? ActivityOpinion()
    {
        if (_hasChildren)
            return new Opinion(AgentActivity.Working, _childrenSince, StateSource.Activity);
        if (_lastOutput is not { } last)
            return null;
        if (_now - last >= _options.QuietAfter)
            return new Opinion(AgentActivity.Idle, last + _options.QuietAfter, StateSource.Activity);
        // Every agent prints a banner while it starts: output alone does not mean it began working, unless it goes on
        // for longer than any banner.
        if (Current.Activity is AgentActivity.NotStarted or AgentActivity.Starting)
        {
            return _now - _burstStart >= _options.StartupBanner
                ? new Opinion(AgentActivity.Working, _burstStart + _options.StartupBanner, StateSource.Activity)
                : null;
        }
        return new Opinion(AgentActivity.Working, _burstStart, StateSource.Activity);
    }

    private Opinion? Choose(List<Opinion> opinions)
    {
        if (opinions.Count == 0)
            return null;
        var newest = opinions[0];
        foreach (var opinion in opinions.Skip(1))
        {
            if (opinion.Since > newest.Since || (opinion.Since == newest.Since && opinion.Source < newest.Source))
                newest = opinion;
        }

        _overrideAt = null;
        if (_hook is { } hook && newest.Source != StateSource.Hook && newest.Activity != hook.Activity
            && _now - newest.Since < _options.HookOverride)
        {
            _overrideAt = newest.Since + _options.HookOverride;
            return hook;
        }

        return newest;
    }

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
        var deadlines = new List<DateTimeOffset>(2);
        if (_lastOutput is { } last && _now - last < _options.QuietAfter)
        {
            deadlines.Add(last + _options.QuietAfter);
            if (Current.Activity is AgentActivity.NotStarted or AgentActivity.Starting && _now - _burstStart < _options.StartupBanner)
                deadlines.Add(_burstStart + _options.StartupBanner); // a long start-up burst becomes work then
        }
        if (_overrideAt is { } overrideAt)
            deadlines.Add(overrideAt); // newer evidence from a lower source matures into an override then
        return deadlines.Count == 0 ? null : deadlines.Min();
    }

    private static AgentActivity ActivityOf(HookSignal signal) => signal switch
    {
        HookSignal.Working => AgentActivity.Working,
        HookSignal.Waiting => AgentActivity.WaitingForInput,
        _ => AgentActivity.Idle,
    };

    private readonly record struct Opinion(AgentActivity Activity, DateTimeOffset Since, StateSource Source);
}
