namespace FleetTui.Host.Server;

/// <summary>Folders (0700) and files (0600) only their user may read: sockets, logs and records of the host.</summary>
internal static class PrivateFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else
            Directory.CreateDirectory(path, FolderMode);
    }

    /// <summary>Options to create (or truncate) a file that is 0600 from its first byte.</summary>
    public static FileStreamOptions Create(System.IO.FileMode mode = System.IO.FileMode.Create)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = FileMode;
        return options;
    }
}
