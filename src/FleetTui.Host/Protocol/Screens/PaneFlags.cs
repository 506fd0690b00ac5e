namespace FleetTui.Host.Protocol.Screens;

/// <summary>What a pane update says besides its rows.</summary>
[Flags]
public enum PaneFlags : byte
{
    None = 0,
    /// <summary>The client's copy is stale (another program, a new client): clear it before applying the rows.</summary>
    Reset = 1 << 0,
    CursorVisible = 1 << 1,
    /// <summary>The program asked for mouse reports: clicks and the wheel go to it instead of the cockpit.</summary>
    MouseWanted = 1 << 2,
    Running = 1 << 3,
    AlternateScreen = 1 << 4,
    /// <summary>The program could not start; <see cref="PaneMirror.ExitText"/> says why.</summary>
    StartFailed = 1 << 5,
    /// <summary>The task has no terminal any more (destroyed): the client drops its copy.</summary>
    Gone = 1 << 6,
}
