namespace FleetTui.Core.Worktrees;

/// <summary>Asks the machine whether a TCP port is free right now (a seam so tests can see which ports were tried).</summary>
public interface IPortProbe
{
    bool IsFree(int port);
}
