using System.Diagnostics;
using FleetTui.Terminal.Emulation;
using FleetTui.Terminal.Tests.Golden;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Emulation;

/// <summary>
/// Random and mutated byte streams (seeded, so a failure reproduces): the emulator never throws, stays within a time
/// budget per megabyte (a hang would blow it), and its memory stays bounded.
/// </summary>
public class RobustnessTests
{
    private const int Seed = 20261123;

    private static readonly byte[] Interesting = "\e[?;:0123456789mHJKrhlP@LMSTXbq$\"'>!<=u]P\\_^X\a\x18\x1a\r\n\b\t\u000e\u000f78Dc#(0B"u8.ToArray();

    private static byte[] RandomStream(Random random, int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = random.Next(10) switch
            {
                < 4 => Interesting[random.Next(Interesting.Length)],
                < 6 => (byte)random.Next(0x20, 0x7F),
                < 8 => (byte)random.Next(0x80, 0x100),
                _ => (byte)random.Next(0, 0x20),
            };
        }

        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] source)
    {
        var bytes = (byte[])source.Clone();
        var edits = Math.Max(1, bytes.Length / 50);
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(bytes.Length);
            bytes[at] = random.Next(3) switch
            {
                0 => Interesting[random.Next(Interesting.Length)],
                1 => (byte)random.Next(256),
                _ => (byte)(bytes[at] ^ (1 << random.Next(8))),
            };
        }

        return bytes;
    }

    private static void FeedInRandomChunks(VirtualTerminal terminal, Random random, byte[] data)
    {
        var offset = 0;
        while (offset < data.Length)
        {
            var n = Math.Min(data.Length - offset, random.Next(1, 300));
            terminal.Feed(data.AsSpan(offset, n));
            if (random.Next(200) == 0)
                terminal.Resize(random.Next(1, 120), random.Next(1, 50));
            offset += n;
        }
    }

    [Fact]
    public void Random_streams_never_throw_and_keep_the_cursor_on_screen()
    {
        var random = new Random(Seed);
        for (var round = 0; round < 40; round++)
        {
            var terminal = new VirtualTerminal(random.Next(1, 120), random.Next(1, 50), scrollbackLimit: 200);
            FeedInRandomChunks(terminal, random, RandomStream(random, 50_000));
            var screen = terminal.Screen;
            screen.Cursor.Row.ShouldBeInRange(0, screen.Rows - 1);
            screen.Cursor.Column.ShouldBeInRange(0, screen.Columns - 1);
            for (var r = -screen.Scrollback.Count; r < screen.Rows; r++)
                _ = screen.GetRowText(r);
        }
    }

    [Fact]
    public void Mutated_fixtures_never_throw()
    {
        var random = new Random(Seed);
        foreach (var row in GoldenFixture.All())
        {
            var input = new GoldenFixture((string)row[0]).Input;
            for (var round = 0; round < 10; round++)
            {
                var terminal = new VirtualTerminal(100, 30, scrollbackLimit: 500);
                FeedInRandomChunks(terminal, random, Mutate(random, input));
            }
        }
    }

    [Fact]
    public void Hostile_streams_stay_within_a_time_and_memory_budget()
    {
        // The worst cases: endless OSC and DCS strings, huge REP counts, huge parameters, distinct combining marks.
        var parts = new List<byte[]>
        {
            "\e]52;c;"u8.ToArray().Concat(Enumerable.Repeat((byte)'A', 4 << 20)).ToArray(),
            "\eP1;2|"u8.ToArray().Concat(Enumerable.Repeat((byte)'B', 4 << 20)).ToArray(),
            Enumerable.Range(0, 100_000).SelectMany(_ => "x\e[65535b"u8.ToArray()).ToArray(),
            Enumerable.Range(0, 200_000).SelectMany(_ => "\e[99999;99999;99999;99999;99999H"u8.ToArray()).ToArray(),
            Enumerable.Range(0, 300_000).SelectMany(i => System.Text.Encoding.UTF8.GetBytes($"a{(char)(0x300 + i % 112)}{(char)(0x300 + i / 112 % 112)}")).ToArray(),
        };
        var terminal = new VirtualTerminal(200, 60, scrollbackLimit: 1000);
        GC.Collect();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        long total = 0;
        foreach (var part in parts)
        {
            terminal.Feed(part);
            total += part.Length;
        }

        var megabytes = total / (1024.0 * 1024);
        // Generous (a loaded 2-core CI machine): a real hang or quadratic blow-up takes far longer.
        clock.Elapsed.TotalSeconds.ShouldBeLessThan(Math.Max(10, megabytes * 2));
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        (memoryAfter - memoryBefore).ShouldBeLessThan(64L << 20);
    }
}
