namespace FleetTui.Core.Files;

/// <summary>
/// An exclusive flock on a lock file (0600 in a 0700 folder), taken without waiting. The kernel drops it when its holder dies,
/// even by kill -9, so "nobody holds it" reliably means "nobody is doing that right now".
/// </summary>
public static class ExclusiveLock
{
    /// <summary>The lock, or null when someone else (another process, or another holder in this one) has it.</summary>
    public static FileStream? TryAcquire(string path)
    {
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

    /// <summary>Whether someone holds the lock at <paramref name="path"/> right now.</summary>
    public static bool IsHeld(string path)
    {
        if (!File.Exists(path))
            return false;
        using var probe = TryAcquire(path);
        return probe is null;
    }
}
