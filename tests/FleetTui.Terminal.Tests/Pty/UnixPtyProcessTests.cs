using System.Text;
using FleetTui.Terminal.Pty;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Pty;

public class UnixPtyProcessTests
{
    [Fact]
    public void Input_written_to_the_terminal_reaches_the_child()
    {
        using var child = RecordedChild.Start("sh", "-c", "read line; echo \"got <$line>\"");

        child.Process.Write("hello pty\r"u8);

        child.WaitForText("got <hello pty>");
        child.WaitForExit().ExitCode.ShouldBe(0);
    }

    [Fact]
    public void The_output_handler_may_answer_the_child_at_once()
    {
        // How the emulator answers a terminal query (DA1, cursor position): a Write from inside the handler.
        IPtyProcess? process = null;
        using var spawned = new ManualResetEventSlim();
        var output = new System.Text.StringBuilder();
        process = new UnixPtyHost().Spawn(new PtySpawnOptions("sh", "-c", "stty -echo; echo QUERY; read reply; echo \"got $reply\""), chunk =>
        {
            lock (output)
            {
                output.Append(System.Text.Encoding.UTF8.GetString(chunk));
                if (output.ToString().Contains("QUERY") && !output.ToString().Contains("answered"))
                {
                    output.Append("[answered]");
                    spawned.Wait(); // the child can print before Spawn has returned the process
                    Volatile.Read(ref process)!.Write("REPLY\r"u8);
                }
            }
        });
        Volatile.Write(ref process, process);
        spawned.Set();
        using IPtyProcess started = process;

        Eventually.Completes(started.OutputCompleted, "the child to end");

        lock (output)
        {
            output.ToString().ShouldContain("got REPLY");
        }
    }

    [Fact]
    public void Ctrl_C_interrupts_the_foreground_program()
    {
        using var child = RecordedChild.Start("sh", "-c", "echo ready; exec sleep 30");
        child.WaitForText("ready");

        Eventually.Until(() => ChildCommand(child.Process.ProcessId) == "sleep", () => "the shell never exec'd sleep");
        child.Process.Write([0x03]);

        child.WaitForExit().ShouldBe(new PtyExitStatus(null, UnixSignal.Interrupt));
    }

    [Fact]
    public void Resizing_sends_SIGWINCH_and_the_child_sees_the_new_size()
    {
        using var child = RecordedChild.Start(new PtySpawnOptions(
            "sh", "-c", "trap 'echo \"WINCH $(stty size)\"' WINCH; echo ready; while :; do sleep 0.05; done")
        {
            Columns = 80,
            Rows = 24,
        });
        child.WaitForText("ready");

        child.Process.Resize(132, 50);

        child.WaitForText("WINCH 50 132");
        child.Process.Columns.ShouldBe(132);
        child.Process.Rows.ShouldBe(50);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(255)]
    public void The_exit_code_is_reported(int code)
    {
        using var child = RecordedChild.Start("sh", "-c", $"exit {code}");

        child.WaitForExit().ShouldBe(new PtyExitStatus(code, null));
    }

    [Fact]
    public void The_exit_code_is_reported_while_the_runtime_also_watches_its_own_children()
    {
        // System.Diagnostics.Process (CliWrap runs git through it) installs the runtime's SIGCHLD handler; it must
        // reap only its own children and leave ours to our waitpid.
        using (var other = System.Diagnostics.Process.Start("true"))
        {
            other.WaitForExit();
        }

        using var child = RecordedChild.Start("sh", "-c", "exit 42");

        child.WaitForExit().ShouldBe(new PtyExitStatus(42, null));
    }

    [Fact]
    public void Death_by_a_signal_is_reported()
    {
        using var child = RecordedChild.Start("sh", "-c", "kill -TERM $$");

        PtyExitStatus status = child.WaitForExit();

        status.ShouldBe(new PtyExitStatus(null, UnixSignal.Terminate));
        status.ToString().ShouldBe("killed by SIGTERM");
    }

    [Fact]
    public void Signal_reaches_the_childs_process_group()
    {
        using var child = RecordedChild.Start("sh", "-c", "echo ready; sleep 30; echo not-killed");
        child.WaitForText("ready");

        child.Process.Signal(UnixSignal.Terminate);

        child.WaitForExit().Signal.ShouldBe(UnixSignal.Terminate);
        child.Text.ShouldNotContain("not-killed");
    }

    [Fact]
    public void All_output_arrives_before_the_output_completes()
    {
        using var child = RecordedChild.Start("sh", "-c", "i=0; while [ $i -lt 2000 ]; do echo line-$i; i=$((i+1)); done");

        string output = child.WaitForAllOutput();

        output.ShouldContain("line-0\r\n");
        output.ShouldEndWith("line-1999\r\n");
    }

    [Fact]
    public void Reading_a_flood_allocates_nothing_per_chunk()
    {
        const int WarmUpChunks = 20;
        const int MeasuredChunks = 500;
        int chunks = 0;
        long allocatedAtWarmUp = 0;
        long allocatedAtEnd = 0;
        using var measured = new ManualResetEventSlim();
        using IPtyProcess process = new UnixPtyHost().Spawn(new PtySpawnOptions("yes", "flood"), _ =>
        {
            chunks++;
            if (chunks == WarmUpChunks)
            {
                allocatedAtWarmUp = GC.GetAllocatedBytesForCurrentThread();
            }
            else if (chunks == WarmUpChunks + MeasuredChunks)
            {
                allocatedAtEnd = GC.GetAllocatedBytesForCurrentThread();
                measured.Set();
            }
        });

        measured.Wait(Eventually.DefaultTimeout).ShouldBeTrue();

        (allocatedAtEnd - allocatedAtWarmUp).ShouldBe(0, $"bytes allocated on the I/O thread over {MeasuredChunks} chunks");
    }

    [Fact]
    public void Writing_keystrokes_allocates_nothing()
    {
        using var child = RecordedChild.Start("sh", "-c", "stty -echo; echo ready; exec cat > /dev/null");
        child.WaitForText("ready");
        ReadOnlySpan<byte> keystroke = "ab\r"u8;
        child.Process.Write(keystroke);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            child.Process.Write(keystroke);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void The_foreground_group_shows_when_a_job_runs_in_front_of_the_shell()
    {
        // With job control (set -m) the shell puts the job in its own process group and hands it the terminal.
        using var child = RecordedChild.Start("sh", "-c", "set -m; echo ready; sleep 30");
        child.WaitForText("ready");

        Eventually.Until(
            () => child.Process.ForegroundProcessGroup is { } group && group != child.Process.ProcessId,
            () => $"foreground group stayed {child.Process.ForegroundProcessGroup}, the shell is {child.Process.ProcessId}");
    }

    [Fact]
    public void The_child_itself_is_in_the_foreground_at_first()
    {
        using var child = RecordedChild.Start("sh", "-c", "echo ready; read x");
        child.WaitForText("ready");

        child.Process.ForegroundProcessGroup.ShouldBe(child.Process.ProcessId);
    }

    [Fact]
    public async Task Writing_to_a_child_that_never_reads_does_not_block()
    {
        using var child = RecordedChild.Start("sh", "-c", "echo ready; exec sleep 60");
        child.WaitForText("ready");
        byte[] block = Encoding.ASCII.GetBytes(new string('x', 1023) + "\r");

        Task writing = Task.Run(() =>
        {
            for (int i = 0; i < 1024; i++)
            {
                child.Process.Write(block);
            }
        });

        Eventually.Completes(writing, "1 MB of writes to a child that does not read");
        Task disposing = Task.Run(child.Process.Dispose);
        Eventually.Completes(disposing, "dispose with 1 MB of input still queued");
        (await child.Process.Exited).Signal.ShouldBe(UnixSignal.Hangup);
    }

    [Fact]
    public void A_flooding_child_with_a_slow_reader_is_stopped_promptly_by_dispose()
    {
        long received = 0;
        using var started = new ManualResetEventSlim();
        IPtyProcess process = new UnixPtyHost().Spawn(new PtySpawnOptions("yes", "flood"), chunk =>
        {
            received += chunk.Length;
            started.Set();
            Thread.Sleep(1); // a slow consumer (e.g. a busy emulator), not a wait for a condition
        });
        started.Wait(Eventually.DefaultTimeout).ShouldBeTrue();

        Task disposing = Task.Run(process.Dispose);

        Eventually.Completes(disposing, "dispose of a flooding child");
        process.Exited.IsCompleted.ShouldBeTrue();
        process.OutputCompleted.IsCompleted.ShouldBeTrue();
        received.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Dispose_ends_the_child_even_while_the_output_handler_is_stuck()
    {
        using var release = new ManualResetEventSlim();
        using var stuck = new ManualResetEventSlim();
        IPtyProcess process = new UnixPtyHost().Spawn(new PtySpawnOptions("sh", "-c", "echo hello; exec sleep 60"), _ =>
        {
            stuck.Set();
            release.Wait(); // a consumer that hangs
        });
        stuck.Wait(Eventually.DefaultTimeout).ShouldBeTrue();

        Task disposing = Task.Run(process.Dispose);

        (await process.Exited.WaitAsync(Eventually.DefaultTimeout)).Signal.ShouldBe(UnixSignal.Hangup);
        disposing.IsCompleted.ShouldBeFalse(); // still joining the I/O thread, which is inside the handler
        release.Set();
        await disposing.WaitAsync(Eventually.DefaultTimeout);
        await process.OutputCompleted.WaitAsync(Eventually.DefaultTimeout);
    }

    [Fact]
    public async Task A_child_that_ignores_hang_up_and_terminate_is_killed()
    {
        var options = new PtySpawnOptions("sh", "-c", "trap '' HUP TERM; echo ready; while :; do sleep 1; done")
        {
            HangupGracePeriod = TimeSpan.FromMilliseconds(200),
        };
        var child = RecordedChild.Start(options);
        child.WaitForText("ready");

        Task disposing = Task.Run(child.Dispose);

        Eventually.Completes(disposing, "dispose of a stubborn child");
        (await child.Process.Exited).Signal.ShouldBe(UnixSignal.Kill);
    }

    [Fact]
    public void Dispose_hangs_up_the_whole_process_group()
    {
        var child = RecordedChild.Start("sh", "-c", "sleep 60 & echo \"bg=$!\"; wait");
        child.WaitForText("bg=");
        int background = int.Parse(child.Text.Split("bg=")[1].Trim());

        child.Dispose();

        Eventually.Until(() => !IsAlive(background), () => $"background process {background} survived the hang-up");
    }

    [Fact]
    public async Task A_throwing_output_handler_faults_the_output_but_the_child_still_runs_to_its_end()
    {
        using IPtyProcess process = new UnixPtyHost().Spawn(
            new PtySpawnOptions("sh", "-c", "echo first; i=0; while [ $i -lt 500 ]; do echo more-$i; i=$((i+1)); done; exit 3"),
            _ => throw new InvalidOperationException("handler bug"));

        Eventually.Result(process.Exited, "exit").ExitCode.ShouldBe(3);
        Eventually.Until(() => process.OutputCompleted.IsCompleted, () => "the output never completed");
        (await Should.ThrowAsync<InvalidOperationException>(() => process.OutputCompleted)).Message.ShouldBe("handler bug");
    }

    [Fact]
    public void Dispose_from_inside_the_output_handler_does_not_deadlock()
    {
        IPtyProcess? process = null;
        using var spawned = new ManualResetEventSlim();
        int disposals = 0;
        process = new UnixPtyHost().Spawn(new PtySpawnOptions("sh", "-c", "echo go; exec sleep 60"), _ =>
        {
            spawned.Wait(); // the child can print before Spawn has returned the process
            Interlocked.Increment(ref disposals);
            Volatile.Read(ref process)!.Dispose();
        });
        Volatile.Write(ref process, process);
        spawned.Set();

        Eventually.Result(process.Exited, "exit after dispose").Signal.ShouldBe(UnixSignal.Hangup);
        Eventually.Completes(process.OutputCompleted, "the I/O thread to end");
        disposals.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Using_a_disposed_process_is_an_error_and_disposing_twice_is_not()
    {
        var child = RecordedChild.Start("true");
        child.Dispose();
        child.Dispose();

        Should.Throw<ObjectDisposedException>(() => child.Process.Write("x"u8));
        Should.Throw<ObjectDisposedException>(() => child.Process.Resize(10, 10));
    }

    [Fact]
    public void Writes_and_resizes_after_the_child_ended_are_ignored()
    {
        using var child = RecordedChild.Start("true");
        child.WaitForAllOutput();

        child.Process.Write("late input"u8);
        child.Process.Resize(100, 30);
        child.Process.Signal(UnixSignal.Terminate);

        child.Process.ForegroundProcessGroup.ShouldBeNull();
    }

    private static string ChildCommand(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            // A zombie (exited, not yet reaped by its parent) counts as dead.
            string status = File.ReadAllText($"/proc/{pid}/status");
            return !status.Contains("State:\tZ");
        }
        catch (IOException)
        {
            return false;
        }
    }
}
