using System.Text;
using FleetTui.Core.Agents;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Agents;

public sealed class AgentSignalInboxTests : IDisposable
{
    private readonly string _commonDir = Directory.CreateTempSubdirectory("fleet-signals-").FullName;

    public void Dispose() => Directory.Delete(_commonDir, recursive: true);

    private static AgentSignal Signal(string task, HookSignal state, int second = 0, string? message = null) =>
        new(DateTimeOffset.UnixEpoch.AddSeconds(second), task, state, message);

    [Fact]
    public void Reads_what_the_writer_appended_and_only_new_lines_on_the_next_poll()
    {
        var inbox = AgentSignalInbox.ForTask(_commonDir, "cart");
        inbox.Poll().ShouldBeEmpty(); // no file yet
        AgentSignalWriter.Append(_commonDir, Signal("cart", HookSignal.Working, 1, "go"));
        AgentSignalWriter.Append(_commonDir, Signal("cart", HookSignal.Waiting, 2));

        var first = inbox.Poll();
        first.Select(h => h.Signal).ShouldBe([HookSignal.Working, HookSignal.Waiting]);
        first[0].Message.ShouldBe("go");
        first[1].At.ShouldBe(DateTimeOffset.UnixEpoch.AddSeconds(2));
        inbox.Poll().ShouldBeEmpty();

        AgentSignalWriter.Append(_commonDir, Signal("cart", HookSignal.Done, 3));
        inbox.Poll().Single().Signal.ShouldBe(HookSignal.Done);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Signal_files_are_owner_only_in_owner_only_folders()
    {
        AgentSignalWriter.Append(_commonDir, Signal("cart", HookSignal.Working, 1));

        const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        File.GetUnixFileMode(AgentSignalFiles.PathFor(_commonDir, "cart")).ShouldBe(OwnerReadWrite);
        File.GetUnixFileMode(AgentSignalFiles.Folder(_commonDir)).ShouldBe(OwnerReadWrite | UnixFileMode.UserExecute);
        File.GetUnixFileMode(Path.Combine(_commonDir, "fleet")).ShouldBe(OwnerReadWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void Writes_one_json_line_per_signal_under_the_common_git_dir()
    {
        AgentSignalWriter.Append(_commonDir, Signal("cart", HookSignal.Idle, 1, "quote \" and\nnewline"));
        var path = Path.Combine(_commonDir, "fleet", "signals", "cart.jsonl");
        var text = File.ReadAllText(path);
        text.Count(c => c == '\n').ShouldBe(1);
        text.ShouldContain("\"state\":\"idle\"");
        AgentSignalInbox.ForTask(_commonDir, "cart").PollSignals().Single().Message.ShouldBe("quote \" and\nnewline");
    }

    [Fact]
    public void Waits_for_the_newline_of_a_partial_last_line()
    {
        var path = AgentSignalFiles.PathFor(_commonDir, "cart");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var line = Signal("cart", HookSignal.Working).ToJsonLine();
        File.WriteAllText(path, line[..10]);
        var inbox = new AgentSignalInbox(path);
        inbox.Poll().ShouldBeEmpty();
        File.AppendAllText(path, line[10..] + "\n");
        inbox.Poll().Single().Signal.ShouldBe(HookSignal.Working);
    }

    [Fact]
    public void Splits_a_multibyte_character_across_polls_without_damage()
    {
        var path = AgentSignalFiles.PathFor(_commonDir, "cart");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = Encoding.UTF8.GetBytes(Signal("cart", HookSignal.Waiting, message: "needs ✳ approval").ToJsonLine() + "\n");
        var cut = Array.IndexOf(bytes, (byte)0xE2) + 1; // inside the 3-byte ✳
        using (var stream = new FileStream(path, FileMode.Create))
            stream.Write(bytes, 0, cut);
        var inbox = new AgentSignalInbox(path);
        inbox.Poll().ShouldBeEmpty();
        using (var stream = new FileStream(path, FileMode.Append))
            stream.Write(bytes, cut, bytes.Length - cut);
        inbox.Poll().Single().Message.ShouldBe("needs ✳ approval");
    }

    [Fact]
    public void Skips_and_counts_lines_that_are_not_signals()
    {
        var path = AgentSignalFiles.PathFor(_commonDir, "cart");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "garbage\n{\"state\":\"sleeping\",\"task\":\"cart\",\"time\":\"2026-01-01T00:00:00Z\"}\n" + Signal("cart", HookSignal.Idle).ToJsonLine() + "\n");
        var inbox = new AgentSignalInbox(path);
        inbox.Poll().Single().Signal.ShouldBe(HookSignal.Idle);
        inbox.Rejected.ShouldBe(2);
    }

    [Fact]
    public void Starts_over_when_the_file_is_truncated_or_deleted()
    {
        var inbox = AgentSignalInbox.ForTask(_commonDir, "cart");
        AgentSignalWriter.Append(_commonDir, Signal("cart", HookSignal.Working));
        AgentSignalWriter.Append(_commonDir, Signal("cart", HookSignal.Waiting));
        inbox.Poll().Count.ShouldBe(2);
        File.Delete(inbox.Path);
        inbox.Poll().ShouldBeEmpty();
        AgentSignalWriter.Append(_commonDir, Signal("cart", HookSignal.Idle));
        inbox.Poll().Single().Signal.ShouldBe(HookSignal.Idle);
    }

    [Fact]
    public async Task Concurrent_writers_never_interleave_lines()
    {
        const int writers = 8, each = 200;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < each; i++)
                AgentSignalWriter.Append(_commonDir, Signal("cart", HookSignal.Working, i, $"writer {w} line {i} " + new string('x', 300)));
        })));
        var inbox = AgentSignalInbox.ForTask(_commonDir, "cart");
        inbox.PollSignals().Count.ShouldBe(writers * each);
        inbox.Rejected.ShouldBe(0);
    }

    [Fact]
    public void The_agent_launch_a_signal_came_from_survives_the_file_and_older_lines_without_one_still_read()
    {
        var line = new AgentSignal(DateTimeOffset.UnixEpoch, "cart", HookSignal.Done, Run: "4f2a9c01d3e5").ToJsonLine();

        line.ShouldContain("\"run\":\"4f2a9c01d3e5\"");
        AgentSignal.TryParse(line)!.Run.ShouldBe("4f2a9c01d3e5");
        AgentSignal.TryParse("{\"time\":\"2026-01-01T00:00:00Z\",\"task\":\"cart\",\"state\":\"done\"}")!.Run.ShouldBeNull();
    }
}
