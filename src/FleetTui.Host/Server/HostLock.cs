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
            var stream = new FileStream(PathIn(fleetDir), options);
            // Who holds it, for a message when the holder does not answer.
            stream.SetLength(0);
            stream.Write(System.Text.Encoding.ASCII.GetBytes($"{Environment.ProcessId}\n"));
            stream.Flush();
            return new HostLock(stream);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The pid the current (or last) holder wrote, or null.</summary>
    public static int? HolderIn(string fleetDir)
    {
        try
        {
            using var stream = new FileStream(PathIn(fleetDir), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return int.TryParse(reader.ReadLine(), out var pid) ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
