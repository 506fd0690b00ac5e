using System.Globalization;
using System.Text;

namespace FleetTui.Core.Agents;

/// <summary>
/// Pure: the text of <c>fleet explain &lt;task&gt;</c> (and of the cockpit's explain view) from an
/// <see cref="AgentStateExplanation"/>: the state and since when, its source and rule, each source's evidence, and the
/// timeline of transitions, newest last. Times are shown as clock times (UTC) with their age at the explanation's moment.
/// </summary>
public static class AgentStateExplainText
{
    public static string Render(AgentStateExplanation explanation)
    {
        var at = explanation.At;
        var text = new StringBuilder();
        var state = explanation.State;
        text.Append("state:   ").Append(Describe(state)).Append(state.Done ? " (done)" : "")
            .Append(", since ").Append(Time(explanation.Since, at)).AppendLine();
        text.Append("source:  ").Append(SourceName(state.Source))
            .Append(explanation.Rule is { } rule ? $", rule \"{rule}\"" : "")
            .Append(CultureInfo.InvariantCulture, $", confidence {state.Confidence:0.00}").AppendLine();
        if (explanation.Pending is { } pending)
            text.Append("pending: ").Append(Describe(pending)).AppendLine(" (holding its debounce before it shows)");

        text.AppendLine();
        text.Append("hook:    ");
        if (explanation.LastHook is { } hook)
        {
            text.Append(hook.Event ?? "fleet signal").Append(" → ").Append(hook.Signal.ToString().ToLowerInvariant())
                .Append(", at ").Append(Time(hook.At, at))
                .AppendLine(explanation.HookSuperseded ? " (superseded: the screen has moved on since)" : "");
        }
        else
        {
            text.AppendLine("none received");
        }

        text.Append("screen:  ");
        if (explanation.Screen.Verdict == ScreenVerdict.None)
        {
            text.AppendLine("no rule matches the last lines");
        }
        else
        {
            text.Append(explanation.Screen.Verdict.ToString().ToLowerInvariant()).Append(" by rule \"").Append(explanation.Screen.Rule).Append('"')
                .Append(explanation.ScreenSince is { } since ? ", since " + Time(since, at) : "").AppendLine(", matching:");
            foreach (var line in explanation.Screen.MatchedLines)
                text.Append("           ").AppendLine(line);
        }

        text.Append("title:   ").AppendLine(explanation.Title is { } title ? $"\"{title}\" at {Time(explanation.TitleAt ?? at, at)}" : "none set");
        text.Append("output:  ").AppendLine(explanation.LastOutput is { } output ? "last at " + Time(output, at) : "none yet");

        text.AppendLine().AppendLine("timeline:");
        if (explanation.Transitions.Count == 0)
            text.AppendLine("  (no transition yet)");
        foreach (var transition in explanation.Transitions)
        {
            text.Append("  ").Append(Clock(transition.At)).Append("  ").Append(Describe(transition.Activity).PadRight(18))
                .Append(SourceName(transition.Source))
                .AppendLine(transition.Rule is { } why ? $" ({why})" : "");
        }

        return text.ToString();
    }

    /// <summary>The words the sidebar uses for an activity.</summary>
    public static string Describe(AgentActivity activity) => activity switch
    {
        AgentActivity.NotStarted => "not started",
        AgentActivity.Starting => "starting",
        AgentActivity.Working => "working",
        AgentActivity.WaitingForInput => "waiting for input",
        AgentActivity.Idle => "idle",
        AgentActivity.Stuck => "stuck",
        AgentActivity.Exited => "exited",
        _ => activity.ToString(),
    };

    private static string Describe(AgentState state) => state.Activity switch
    {
        AgentActivity.Exited when state.Signal is { } signal => $"exited (signal {signal})",
        AgentActivity.Exited => $"exited ({state.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "?"})",
        _ => Describe(state.Activity),
    };

    private static string SourceName(StateSource source) => source.ToString().ToLowerInvariant();

    private static string Clock(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time, DateTimeOffset now)
    {
        if (time == DateTimeOffset.MinValue)
            return "the start";
        var age = now - time;
        var ago = age < TimeSpan.Zero ? "" : age < TimeSpan.FromMinutes(2)
            ? string.Create(CultureInfo.InvariantCulture, $" ({age.TotalSeconds:0.0} s ago)")
            : string.Create(CultureInfo.InvariantCulture, $" ({age.TotalMinutes:0} min ago)");
        return Clock(time) + ago;
    }
}
