using FleetTui.Core.Agents;

namespace FleetTui.RealAgents.Tests.Harness;

/// <summary>
/// Writes down a story's phases as it runs, then judges the states the pane reported against them:
/// <list type="bullet">
/// <item>a state is false when it is neither the current phase's nor, within <see cref="Grace"/> of the phase's start,
/// the previous phase's (a detector may lag behind the truth, it may not invent);</item>
/// <item>a phase's latency runs from its truth (the screen, a hook, a key) to the first report of its target state;
/// a state already reported when the truth came counts as zero;</item>
/// <item>a hook that announced a phase's target before the screen showed it is that phase's truth (it fired first).</item>
/// </list>
/// </summary>
public sealed class StoryRecorder(string agent, string story, AgentPane pane, HookFeed? hooks = null)
{
    public static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(2500);

    private readonly List<StoryPhase> _phases = [];
    private readonly List<(DateTimeOffset At, string What)> _notes = [];

    public void Begin(StoryPhase phase) => _phases.Add(phase);

    public void Begin(string name, DateTimeOffset start, params AgentActivity[] allowed) =>
        _phases.Add(new StoryPhase(name, start, allowed.ToHashSet()));

    public void Note(DateTimeOffset at, string what) => _notes.Add((at, what));

    public StoryResult Finish()
    {
        var states = pane.States;
        HookTruth();
        var falseStates = new List<string>();
        foreach (var change in states)
        {
            var index = _phases.FindLastIndex(p => p.Start <= change.At);
            if (index < 0)
                continue;
            var phase = _phases[index];
            if (phase.Allowed.Contains(change.Activity))
                continue;
            if (index > 0 && change.At - phase.Start <= Grace && _phases[index - 1].Allowed.Contains(change.Activity))
                continue;
            falseStates.Add($"{change.Activity} via {change.State.Source} at +{(change.At - pane.StartedAt).TotalMilliseconds:0} ms in phase '{phase.Name}'");
        }

        var latencies = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        for (var i = 0; i < _phases.Count; i++)
        {
            var phase = _phases[i];
            if (phase is not { Measure: { } name, Target: { } target })
                continue;
            var from = phase.MeasureFrom ?? phase.Start;
            // Already said when the truth came (a hook ahead of the screen, a dialog after a dialog): zero.
            var current = states.LastOrDefault(s => s.At <= from);
            var next = states.FirstOrDefault(s => s.At > from && s.Activity == target);
            var latency = current?.Activity == target ? TimeSpan.Zero : next is null ? TimeSpan.MaxValue : next.At - from;
            // Two phases measuring the same thing (two dialogs in a row): the story's figure is the worse.
            latencies[name] = latencies.TryGetValue(name, out var earlier) && earlier > latency ? earlier : latency;
        }

        return new StoryResult(agent, story, latencies, falseStates, Timeline(states));
    }

    /// <summary>Moves each phase's start to the first hook that announced its target since the previous phase began, when that came first.</summary>
    private void HookTruth()
    {
        if (hooks is null)
            return;
        var signals = hooks.Signals;
        for (var i = 1; i < _phases.Count; i++)
        {
            var phase = _phases[i];
            if (phase.Target is not { } target)
                continue;
            var first = signals.Where(s => ActivityOf(s.State) == target && s.Time > _phases[i - 1].Start && s.Time < phase.Start)
                .Select(s => (DateTimeOffset?)s.Time).Min();
            if (first is { } hookAt)
            {
                _phases[i] = phase with { Start = hookAt, MeasureFrom = phase.MeasureFrom is { } from && from < hookAt ? from : hookAt };
                Note(hookAt, $"hook announced {target}");
            }
        }
    }

    private static AgentActivity? ActivityOf(HookSignal signal) => signal switch
    {
        HookSignal.Working => AgentActivity.Working,
        HookSignal.Waiting => AgentActivity.WaitingForInput,
        HookSignal.Idle or HookSignal.Done => AgentActivity.Idle,
        _ => null,
    };

    private string Timeline(IReadOnlyList<StateChange> states)
    {
        var lines = _phases.Select(p => (p.Start, $"  phase {p.Name} (allowed: {string.Join("/", p.Allowed)})"))
            .Concat(_notes.Select(n => (n.At, "  " + n.What)))
            .Concat(states.Select(s => (s.At, $"    state {s.Activity} via {s.State.Source}")))
            .Concat((hooks?.Signals ?? []).Select(h => (h.Time, $"      hook {h.Event ?? h.State.ToString()} ({h.State})")))
            .OrderBy(l => l.Item1)
            .Select(l => $"+{(l.Item1 - pane.StartedAt).TotalMilliseconds,6:0} ms{l.Item2}");
        return string.Join("\n", lines);
    }
}
