using FleetTui.Core.Files;

namespace FleetTui.Core.Session;

/// <summary>
/// Held (<see cref="ExclusiveLock"/> on <c>fleet/locks/&lt;task&gt;.create.lock</c>) by the fleet process creating a task's worktree,
/// from before it records the task as setting up until it has recorded how creation ended. The kernel drops it when that process dies,
/// so another process can tell a setup still running next door from one a crash interrupted.
/// </summary>
public static class TaskCreationLock
{
    public static string PathFor(string fleetDir, string task) => Path.Combine(fleetDir, "locks", task + ".create.lock");

    public static FileStream? TryAcquire(string fleetDir, string task) => ExclusiveLock.TryAcquire(PathFor(fleetDir, task));

    public static bool IsHeld(string fleetDir, string task) => ExclusiveLock.IsHeld(PathFor(fleetDir, task));
}
