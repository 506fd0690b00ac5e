using System.Runtime.InteropServices;
using System.Text;

namespace FleetTui.Core.Agents;

/// <summary>
/// Appends a signal to its task's file as ONE <c>write(2)</c> on a descriptor opened with <c>O_APPEND</c>: the kernel
/// then places each line whole at the end even when several hooks fire at once (FileStream's Append mode seeks and
/// writes instead, which two writers can interleave).
/// </summary>
public static partial class AgentSignalWriter
{
    private const int OWronly = 0x1;
    private const int OCreat = 0x40;
    private const int OAppend = 0x400;
    private const int OCloexec = 0x80000;
    /// <summary>Owner only, like every file of fleet's own (see <see cref="Files.OwnerOnly"/>).</summary>
    private const int Mode0600 = 0x180;

    public static void Append(string commonGitDir, AgentSignal signal)
    {
        var path = AgentSignalFiles.PathFor(commonGitDir, signal.Task);
        Files.OwnerOnly.CreateFolder(Path.GetDirectoryName(path)!);
        var bytes = Encoding.UTF8.GetBytes(signal.ToJsonLine() + "\n");
        if (!OperatingSystem.IsLinux())
        {
            // The flag values above are Linux's; elsewhere fall back to a single buffered append.
            using var stream = Files.OwnerOnly.Open(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            stream.Write(bytes);
            return;
        }

        var fd = Open(path, OWronly | OCreat | OAppend | OCloexec, Mode0600);
        if (fd < 0)
            throw new IOException($"cannot open {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        try
        {
            var written = Write(fd, bytes, bytes.Length);
            if (written != bytes.Length)
                throw new IOException($"cannot append to {path}: wrote {written} of {bytes.Length} bytes ({Marshal.GetLastPInvokeErrorMessage()})");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint Write(int fd, byte[] buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
