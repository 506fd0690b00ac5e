namespace FleetTui.Ui.Presentation;

/// <summary>Why a task just started needing a human (each kind may alert the outer terminal its own way).</summary>
public enum AttentionKind
{
    Waiting,
    Stuck,
    Review,
    GateFailed,
    Conflict,
    Exited,
}
