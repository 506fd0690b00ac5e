using FleetTui.Core.Files;

namespace FleetTui.Core.Merging;

/// <summary>
/// Held by the fleet process running merges (<c>fleet/locks/merge.lock</c>) for the whole run: two runs never interleave, and what a
/// run leaves half done (a temporary gate worktree, a merge journal) is finished by another process only when nobody holds it.
/// </summary>
public static class MergeLock
{
    public static string PathFor(string fleetDir) => Path.Combine(fleetDir, "locks", "merge.lock");

    public static FileStream? TryAcquire(string fleetDir) => ExclusiveLock.TryAcquire(PathFor(fleetDir));
}
