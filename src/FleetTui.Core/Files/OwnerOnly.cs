namespace FleetTui.Core.Files;

/// <summary>
/// Fleet's own files (state.json, its backup and lock, setup and gate logs, agent signals) are created readable by their owner only
/// (0600, folders 0700): they hold branch names, ports, commands and their output. The mode is given at creation; the process umask
/// is left alone, so files in worktrees keep the user's own modes.
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> and each missing parent as 0700 (.NET gives the mode to the last one only); existing folders are left as they are.</summary>
    public static DirectoryInfo CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
            return Directory.CreateDirectory(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            return new DirectoryInfo(full);
        if (Path.GetDirectoryName(full) is { } parent)
            CreateFolder(parent);
        return Directory.CreateDirectory(full, FolderMode);
    }

    /// <summary>Options opening a file that, if this call creates it, is created 0600.</summary>
    public static FileStreamOptions Options(System.IO.FileMode mode, FileAccess access, FileShare share = FileShare.None)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = FileMode;
        return options;
    }

    public static FileStream Open(string path, System.IO.FileMode mode, FileAccess access, FileShare share = FileShare.None) =>
        new(path, Options(mode, access, share));
}
