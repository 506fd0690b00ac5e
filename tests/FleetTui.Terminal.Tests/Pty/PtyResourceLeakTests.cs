using System.Diagnostics;
using FleetTui.Terminal.Pty;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Pty;

/// <summary>Runs alone (no other test opening descriptors or threads meanwhile), so the counts before and after compare exactly.</summary>
[CollectionDefinition(nameof(PtyResourceLeakTests), DisableParallelization = true)]
public class PtyResourceLeakCollection;

[Collection(nameof(PtyResourceLeakTests))]
public class PtyResourceLeakTests
{
    [Fact]
    public void Spawning_and_disposing_200_children_leaks_no_descriptor_and_no_thread()
    {
        var host = new UnixPtyHost();
        RunChildren(host, 4); // warm-up: lazily created runtime descriptors and threads exist before the baseline
        Eventually.Until(() => PtyIoThreadNames().Count == 0, () => "PTYs of earlier tests are still shutting down");
        SettleFinalizers();
        int descriptorsBefore = OpenDescriptorCount();
        int ptyDescriptorsBefore = PtyDescriptorCount();
        int threadsBefore = Process.GetCurrentProcess().Threads.Count;

        RunChildren(host, 200);

        // Join returns as the managed thread ends; the kernel removes the OS thread a moment later.
        Eventually.Until(() => PtyIoThreadNames().Count == 0, () => $"PTY I/O threads still alive: {string.Join(", ", PtyIoThreadNames())}");
        // Our own kinds (pty masters, pidfds, eventfds) must come back exactly; the total may only shrink, because
        // finalizers of earlier tests' objects (Process pipes, tmux clients) can close descriptors meanwhile.
        PtyDescriptorCount().ShouldBe(ptyDescriptorsBefore, DescribeDescriptors());
        OpenDescriptorCount().ShouldBeLessThanOrEqualTo(descriptorsBefore, string.Join(", ", Directory.GetFileSystemEntries("/proc/self/fd").Select(fd => new FileInfo(fd).LinkTarget ?? "?").CountBy(t => t).Select(p => $"{p.Key} x{p.Value}")));
        // The thread pool may add a worker or two on its own (it grows under load); a leak would be one per child.
        Process.GetCurrentProcess().Threads.Count.ShouldBeLessThanOrEqualTo(threadsBefore + 4);
    }

    [Fact]
    public void Failed_spawns_leak_no_descriptor()
    {
        var host = new UnixPtyHost();
        Should.Throw<PtySpawnException>(() => host.Spawn(new PtySpawnOptions("/nonexistent/warm-up"), _ => { }));
        SettleFinalizers();
        int descriptorsBefore = OpenDescriptorCount();
        int ptyDescriptorsBefore = PtyDescriptorCount();
        var targetsBefore = DescriptorTargets().ToList();

        for (int i = 0; i < 50; i++)
        {
            Should.Throw<PtySpawnException>(() => host.Spawn(new PtySpawnOptions("/nonexistent/fleet-tool"), _ => { }));
            Should.Throw<PtySpawnException>(() => host.Spawn(new PtySpawnOptions("/etc/hostname"), _ => { })); // not executable
        }

        PtyDescriptorCount().ShouldBe(ptyDescriptorsBefore, DescribeDescriptors());
        OpenDescriptorCount().ShouldBeLessThanOrEqualTo(descriptorsBefore, "new: " + string.Join(", ", DescriptorTargets().Except(targetsBefore)));
    }

    /// <summary>Half the children end by themselves, half are still running when disposed (and hung up).</summary>
    private static void RunChildren(UnixPtyHost host, int count)
    {
        for (int i = 0; i < count; i++)
        {
            bool endsByItself = i % 2 == 0;
            var options = endsByItself ? new PtySpawnOptions("echo", "child", i.ToString()) : new PtySpawnOptions("sleep", "60");
            IPtyProcess process = host.Spawn(options, _ => { });
            if (endsByItself)
            {
                Eventually.Completes(process.OutputCompleted, $"child {i} to finish");
            }

            process.Dispose();
            process.Exited.IsCompleted.ShouldBeTrue();
        }
    }

    /// <summary>Open descriptors, less the assembly files the runtime maps lazily (Shouldly loads DiffEngine on first use).</summary>
    private static int OpenDescriptorCount() =>
        DescriptorTargets().Count(t => !t.EndsWith(".dll", StringComparison.Ordinal) && !t.EndsWith(".pdb", StringComparison.Ordinal));

    /// <summary>Descriptors of the kinds a PTY child uses: the master, slave paths, its pidfd and wake-up eventfd.</summary>
    private static int PtyDescriptorCount() =>
        DescriptorTargets().Count(t => t == "/dev/ptmx" || t.StartsWith("/dev/pts/", StringComparison.Ordinal) || t.Contains("pidfd", StringComparison.Ordinal) || t.Contains("eventfd", StringComparison.Ordinal));

    private static IEnumerable<string> DescriptorTargets() =>
        Directory.GetFileSystemEntries("/proc/self/fd").Select(fd => new FileInfo(fd).LinkTarget ?? "?");

    private static string DescribeDescriptors() =>
        string.Join(", ", DescriptorTargets().CountBy(t => t).Select(p => $"{p.Key} x{p.Value}"));

    /// <summary>
    /// Lets finalizers of earlier tests close what they own, and runs the counting code once so that the assemblies
    /// it needs are already mapped (mapping one opens a descriptor) before the baseline is taken.
    /// </summary>
    private static void SettleFinalizers()
    {
        _ = DescribeDescriptors();
        _ = PtyDescriptorCount();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static List<string> PtyIoThreadNames() =>
        Directory.GetDirectories("/proc/self/task")
            .Select(task => ReadOrEmpty(Path.Combine(task, "comm")).Trim())
            .Where(name => name.StartsWith("pty-io", StringComparison.Ordinal))
            .ToList();

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return ""; // the thread ended while we listed
        }
    }
}
