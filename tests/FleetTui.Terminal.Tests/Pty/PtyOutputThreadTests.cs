using System.Text;
using FleetTui.Terminal.Pty;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Pty;

/// <summary>Output read on the I/O thread and handled on the output thread, through the queue between them, on real PTYs.</summary>
public class PtyOutputThreadTests
{
    [Fact]
    public void The_exit_is_reported_only_after_every_byte_printed_before_it_was_handled()
    {
        // The handler is stuck while the child prints 300 KB and exits: the I/O thread reads it all into the queue and
        // reaps the child, but the exit waits behind the queued output.
        using var release = new ManualResetEventSlim();
        var output = new StringBuilder();
        string? outputAtExit = null;
        using IPtyProcess process = new UnixPtyHost().Spawn(
            new PtySpawnOptions("sh", "-c", "i=0; while [ $i -lt 3000 ]; do printf '%0100d\\n' $i; i=$((i+1)); done; echo THE-END; exit 7"),
            chunk =>
            {
                release.Wait();
                lock (output)
                    output.Append(Encoding.ASCII.GetString(chunk));
            });
        process.Exited.ContinueWith(_ =>
        {
            lock (output)
                outputAtExit = output.ToString();
        }, TaskContinuationOptions.ExecuteSynchronously);

        Eventually.Until(() => !Directory.Exists($"/proc/{process.ProcessId}"), () => "the child was never reaped");
        process.Exited.IsCompleted.ShouldBeFalse("the exit came out before the output queued ahead of it");

        release.Set();

        Eventually.Result(process.Exited, "the exit").ExitCode.ShouldBe(7);
        Eventually.Until(() => Volatile.Read(ref outputAtExit) is not null, () => "the exit continuation never ran");
        outputAtExit.ShouldEndWith("THE-END\r\n");
        outputAtExit!.Length.ShouldBe(3000 * 102 + "THE-END\r\n".Length);
    }

    [Fact]
    public void A_flood_through_a_slow_handler_arrives_whole_and_in_order()
    {
        // The handler is slower than the reader, so the queue fills, stops the reader and wakes it again many times.
        using var child = RecordedChild.Start(new PtySpawnOptions("seq", "1", "400000"), slowHandler: true);

        var lines = child.WaitForAllOutput().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        lines.Length.ShouldBe(400_000);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] != (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
                throw new ShouldAssertException($"line {i + 1} is '{lines[i]}'");
        }
    }

    [Fact]
    public void Keys_and_resizes_reach_a_flooding_child_while_its_output_handler_is_stuck()
    {
        // Output nobody takes: the queue is full, the reader has stopped reading and the flood blocks on the terminal.
        // Input and resizes go the other way and must still arrive.
        using var release = new ManualResetEventSlim();
        var work = Directory.CreateTempSubdirectory("fleet-pty-flood-");
        var answers = Path.Combine(work.FullName, "answers");
        var process = new UnixPtyHost().Spawn(
            new PtySpawnOptions("sh", "-c",
                "trap 'stty size >> \"$ANSWERS\"' WINCH; yes flood & while :; do read line && echo \"key $line\" >> \"$ANSWERS\"; done")
            {
                Environment = new Dictionary<string, string?> { ["ANSWERS"] = answers },
                Columns = 80,
                Rows = 24,
            },
            _ => release.Wait());
        try
        {
            Eventually.Until(() => ((UnixPtyProcess)process).QueuedOutputBytes >= UnixPtyProcess.OutputQueueBytes,
                () => $"the flood never filled the queue ({((UnixPtyProcess)process).QueuedOutputBytes} bytes queued)");

            process.Write("hello\r"u8);
            Eventually.Until(() => ReadOrEmpty(answers).Contains("key hello"), () => $"the key never arrived: '{ReadOrEmpty(answers)}'");
            process.Resize(100, 30);
            Eventually.Until(() => ReadOrEmpty(answers).Contains("30 100"), () => $"the resize never arrived: '{ReadOrEmpty(answers)}'");
            ((UnixPtyProcess)process).QueuedOutputBytes.ShouldBeLessThanOrEqualTo(UnixPtyProcess.OutputQueueBytes);
        }
        finally
        {
            release.Set(); // before the dispose, which would otherwise wait for the stuck handler
            process.Dispose();
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public void Dispose_during_a_flood_drops_the_queued_output_and_ends_both_threads()
    {
        long handled = 0;
        var process = new UnixPtyHost().Spawn(new PtySpawnOptions("yes", "flood"), chunk => Interlocked.Add(ref handled, chunk.Length));
        Eventually.Until(() => Interlocked.Read(ref handled) > 1_000_000, () => "the flood never started");

        Task disposing = Task.Run(process.Dispose);

        Eventually.Completes(disposing, "dispose of a flooding child");
        Eventually.Result(process.Exited, "the exit").Signal.ShouldBe(UnixSignal.Hangup);
        Eventually.Completes(process.OutputCompleted, "the end of the output");
        var after = Interlocked.Read(ref handled);
        Eventually.Until(() => ThreadsNamed($"pty-io {process.ProcessId}") == 0 && ThreadsNamed($"pty-out {process.ProcessId}") == 0,
            () => "a thread of the disposed terminal is still there");
        Interlocked.Read(ref handled).ShouldBe(after, "output was handled after dispose returned");
    }

    private static int ThreadsNamed(string name)
    {
        var comm = name[..Math.Min(15, name.Length)];
        return Directory.GetDirectories("/proc/self/task").Count(task => ReadOrEmpty(Path.Combine(task, "comm")).Trim() == comm);
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
    }
}
