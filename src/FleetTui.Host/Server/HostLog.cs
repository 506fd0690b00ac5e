namespace FleetTui.Host.Server;

/// <summary>
/// The host's log: one timestamped line per event worth knowing after the fact (clients coming and going, protocol
/// violations, agents recovered, crashes). A detached host has no terminal, so this file is where it speaks. Mode 0600.
/// </summary>
public sealed class HostLog
{
    private readonly string? _path;
    private readonly Lock _lock = new();

    public HostLog(string? path)
    {
        _path = path;
        if (path is not null && !File.Exists(path))
        {
            using var _ = new FileStream(path, PrivateFiles.Create(FileMode.OpenOrCreate));
        }
    }

    public static HostLog None { get; } = new(null);

    public string? Path => _path;

    public void Write(string message)
    {
        if (_path is null)
            return;
        var line = $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss.fff}Z [{Environment.ProcessId}] {message}{Environment.NewLine}";
        lock (_lock)
        {
            try
            {
                File.AppendAllText(_path, line);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Logging never takes the host down.
            }
        }
    }
}
