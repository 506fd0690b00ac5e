using FleetTui.Core.Files;

namespace FleetTui.Core.Session;

/// <summary>
/// Held (an exclusive flock on <c>fleet/locks/&lt;task&gt;.create.lock</c>) by the fleet process creating a task's worktree, from before
/// it records the task as setting up until it has recorded how creation ended. The kernel drops it when that process dies, even by
/// kill -9, so another process can tell a setup still running next door from one a crash interrupted.
/// </summary>
public static class TaskCreationLock
{
    public static string PathFor(string fleetDir, string task) => Path.Combine(fleetDir, "locks", task + ".create.lock");

    /// <summary>The lock, or null when another holder (another process, or another session of this one) has it.</summary>
    public static FileStream? TryAcquire(string fleetDir, string task)
    {
        var path = PathFor(fleetDir, task);
        OwnerOnly.CreateFolder(Path.GetDirectoryName(path)!);
        try
        {
            return OwnerOnly.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Whether someone is creating <paramref name="task"/> right now.</summary>
    public static bool IsHeld(string fleetDir, string task)
    {
        if (!File.Exists(PathFor(fleetDir, task)))
            return false;
        using var probe = TryAcquire(fleetDir, task);
        return probe is null;
    }
}
