using System.Security.Cryptography;
using System.Text;

namespace FleetTui.Host.Server;

/// <summary>
/// Where a repository's fleet host lives: a socket, a log and an info file in a private folder of the user's runtime
/// directory (<c>$XDG_RUNTIME_DIR/fleet</c>, or <c>/tmp/fleet-&lt;uid&gt;</c> when there is none), named after the
/// repository's common git dir, so every worktree of one repository reaches the same host.
/// </summary>
public sealed record HostPaths(string Folder, string Socket, string Log, string Info)
{
    /// <summary>Overrides the folder (tests, and users who want the sockets elsewhere).</summary>
    public const string FolderVariable = "FLEET_HOST_DIR";

    public static HostPaths For(string commonGitDir, string? folder = null)
    {
        folder ??= DefaultFolder();
        var full = Path.GetFullPath(commonGitDir).TrimEnd(Path.DirectorySeparatorChar);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..16];
        // A Unix socket path must fit in 108 bytes: the folder is short, the name a fixed 21 characters.
        return new HostPaths(folder, Path.Combine(folder, $"{key}.sock"), Path.Combine(folder, $"{key}.log"), Path.Combine(folder, $"{key}.json"));
    }

    public static string DefaultFolder()
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } configured)
            return configured;
        if (Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime && Directory.Exists(runtime))
            return Path.Combine(runtime, "fleet");
        return Path.Combine(Path.GetTempPath(), $"fleet-{PeerCredentials.CurrentUser}");
    }

    /// <summary>
    /// Creates the folder 0700, or checks that an existing one is private: in a shared /tmp another user could have
    /// made it first, and a folder others can enter would let them reach (or replace) our socket.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The folder exists and is not private to this user.</exception>
    public void EnsureFolder()
    {
        PrivateFiles.CreateFolder(Folder);
        if (OperatingSystem.IsWindows())
            return;
        var mode = File.GetUnixFileMode(Folder);
        if ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                     | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) != 0)
            throw new UnauthorizedAccessException($"{Folder} is open to other users (mode {Convert.ToString((int)mode, 8)}); fleet keeps its sockets in a private folder: chmod 700 {Folder}, or remove it");
        if (!IsOwnedByUs(Folder))
            throw new UnauthorizedAccessException($"{Folder} belongs to another user; remove it or set {FolderVariable} to a folder of yours");
    }

    /// <summary>A file we can create in the folder proves it is ours (0700 lets only its owner in).</summary>
    private static bool IsOwnedByUs(string folder)
    {
        var probe = Path.Combine(folder, $".probe-{Environment.ProcessId}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
