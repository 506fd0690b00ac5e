namespace FleetTui.Ui.Config;

/// <summary>
/// <c>[notify]</c> in the user config: what to send the outer terminal per event. Everything is off by default (a bell
/// from eight agents is noise unless asked for):
/// <code>
/// [notify]
/// waiting = ["bell", "osc9"]   # a task's agent waits for input
/// exited = ["osc9"]            # a task's agent exited
/// </code>
/// </summary>
public sealed record NotifySettings(IReadOnlyList<OuterAlert> Waiting, IReadOnlyList<OuterAlert> Exited)
{
    public static NotifySettings None { get; } = new([], []);
}
