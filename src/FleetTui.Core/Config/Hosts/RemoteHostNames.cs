namespace FleetTui.Core.Config.Hosts;

/// <summary>Names shared by everything that speaks of hosts.</summary>
public static class RemoteHostNames
{
    /// <summary>This machine, as <c>fleet ps</c>'s host column and the cockpit's sidebar name it.</summary>
    public const string Local = "local";
}
