namespace FleetTui.Ui.Cockpit;

/// <summary>How the user left the cockpit.</summary>
public enum CockpitExit
{
    /// <summary>The agents keep running in the fleet host; <c>fleet attach</c> comes back to them.</summary>
    Detached,

    /// <summary>The agents and the fleet host were stopped.</summary>
    Stopped,
}
