namespace FleetTui.Host.Server;

/// <summary>
/// The repository's host lock (<c>fleet/host.lock</c> in the common git dir), held by a fleet host for its whole life:
/// a second host for the same repository finds it taken and leaves, so there is exactly one writer of the fleet.
/// </summary>
public sealed class HostLock : IDisposable
{
    private readonly FileStream _stream;

    private HostLock(FileStream stream) => _stream = stream;

    public static string PathIn(string fleetDir) => System.IO.Path.Combine(fleetDir, "host.lock");

    /// <summary>The lock, or null when another process holds it.</summary>
    public static HostLock? TryAcquire(string fleetDir)
    {
        PrivateFiles.CreateFolder(fleetDir);
        try
        {
            var options = PrivateFiles.Create(FileMode.OpenOrCreate);
            options.Access = FileAccess.ReadWrite;
            options.Share = FileShare.None;
            return new HostLock(new FileStream(PathIn(fleetDir), options));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
