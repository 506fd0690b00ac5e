using FleetTui.Terminal.Pty;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Pty;

public class PtyOutputQueueTests
{
    [Fact]
    public void Bytes_come_out_in_order_across_segments_and_around_the_ring()
    {
        // Three segments, written in odd sizes by one thread and taken by another: every boundary and wrap is crossed.
        var queue = new PtyOutputQueue(3 * PtyOutputQueue.SegmentSize, () => { });
        const int Total = 2_000_000;
        var producer = Task.Run(() =>
        {
            var next = 0;
            var random = new Random(17);
            while (next < Total)
            {
                var space = queue.Reserve();
                if (space.IsEmpty)
                {
                    queue.Commit(0);
                    Thread.Yield(); // full: wait for the consumer (the real reader waits in poll for its wake-up)
                    queue.HasRoom();
                    continue;
                }

                var count = Math.Min(Math.Min(space.Length, random.Next(1, 5000)), Total - next);
                for (var i = 0; i < count; i++)
                    space[i] = Pattern(next + i);
                queue.Commit(count);
                next += count;
            }

            queue.Complete();
        });

        var expected = 0;
        while (queue.Take(out var chunk, out var exit))
        {
            exit.ShouldBeNull();
            for (var i = 0; i < chunk.Length; i++)
            {
                if (chunk[i] != Pattern(expected + i))
                    throw new ShouldAssertException($"byte {expected + i} is {chunk[i]}, expected {Pattern(expected + i)}");
            }

            expected += chunk.Length;
            queue.Release(chunk.Length);
        }

        Eventually.Completes(producer, "the producer");
        expected.ShouldBe(Total);
    }

    [Fact]
    public void A_full_queue_stops_the_producer_until_half_of_it_was_taken_and_then_wakes_it_once()
    {
        var wakes = 0;
        var queue = new PtyOutputQueue(2 * PtyOutputQueue.SegmentSize, () => wakes++);
        FillCompletely(queue);

        queue.HasRoom().ShouldBeFalse();
        queue.Reserve().IsEmpty.ShouldBeTrue();
        queue.Commit(0);

        // Taking a little frees space, but the producer stays asleep: it would wake for every chunk taken.
        queue.Take(out var chunk, out _).ShouldBeTrue();
        queue.Release(1000);
        queue.HasRoom().ShouldBeFalse();
        wakes.ShouldBe(0);

        queue.Release(chunk.Length - 1000); // one whole segment of two: half free
        wakes.ShouldBe(1);
        queue.HasRoom().ShouldBeTrue();
        queue.Reserve().Length.ShouldBe(PtyOutputQueue.SegmentSize);
    }

    [Fact]
    public void Reads_back_to_back_wake_a_waiting_consumer_once_per_batch_or_when_the_producer_stops_reading()
    {
        var queue = new PtyOutputQueue(4 * PtyOutputQueue.SegmentSize, () => { });
        int TakeAll()
        {
            queue.Take(out var chunk, out _);
            queue.Release(chunk.Length);
            return chunk.Length;
        }

        var first = Task.Run(TakeAll);
        Eventually.Until(() => queue.ConsumerWaiting, () => "the consumer never waited");
        queue.Commit(ReserveAll(queue, 4095), moreComing: true);
        queue.ConsumerWaiting.ShouldBeTrue("woken for one read of a flood");
        for (var read = 1; read * 4095 < PtyOutputQueue.WakeBatch; read++)
            queue.Commit(ReserveAll(queue, 4095), moreComing: true);
        Eventually.Result(first, "the batch").ShouldBeGreaterThanOrEqualTo(PtyOutputQueue.WakeBatch);

        var second = Task.Run(TakeAll);
        Eventually.Until(() => queue.ConsumerWaiting, () => "the consumer never waited again");
        queue.Commit(ReserveAll(queue, 100), moreComing: true);
        queue.Flush();
        Eventually.Result(second, "the bytes read before the producer stopped").ShouldBe(100);
    }

    [Fact]
    public void The_exit_comes_out_after_every_byte_queued_before_it_and_before_those_queued_after()
    {
        var queue = new PtyOutputQueue(PtyOutputQueue.SegmentSize, () => { });
        Write(queue, "before"u8);
        queue.PostExit(new PtyExitStatus(7, null)).ShouldBeTrue();
        Write(queue, "after"u8);

        queue.Take(out var chunk, out var exit).ShouldBeTrue();
        exit.ShouldBeNull();
        System.Text.Encoding.ASCII.GetString(chunk).ShouldBe("before");
        queue.Release(chunk.Length);

        queue.Take(out _, out exit).ShouldBeTrue();
        exit.ShouldBe(new PtyExitStatus(7, null));

        queue.Take(out chunk, out exit).ShouldBeTrue();
        exit.ShouldBeNull();
        System.Text.Encoding.ASCII.GetString(chunk).ShouldBe("after");
    }

    [Fact]
    public void An_exit_posted_once_the_consumer_is_done_is_refused_so_the_caller_reports_it()
    {
        var queue = new PtyOutputQueue(PtyOutputQueue.SegmentSize, () => { });
        queue.Complete();
        queue.Take(out _, out _).ShouldBeFalse();

        queue.PostExit(new PtyExitStatus(0, null)).ShouldBeFalse();
    }

    [Fact]
    public void Abort_ends_a_consumer_waiting_for_bytes_and_drops_what_is_queued()
    {
        var queue = new PtyOutputQueue(PtyOutputQueue.SegmentSize, () => { });
        var waiting = Task.Run(() => queue.Take(out _, out _));

        queue.Abort();

        Eventually.Result(waiting, "the waiting consumer to return").ShouldBeFalse();
        Write(queue, "late"u8);
        queue.Take(out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void Nudge_makes_a_waiting_consumer_return_with_nothing()
    {
        var queue = new PtyOutputQueue(PtyOutputQueue.SegmentSize, () => { });
        var waiting = Task.Run(() => queue.Take(out var chunk, out var exit) && chunk.IsEmpty && exit is null);

        queue.Nudge();

        Eventually.Result(waiting, "the nudged consumer to return").ShouldBeTrue();
    }

    [Fact]
    public void Taking_a_flood_through_the_queue_allocates_nothing()
    {
        var queue = new PtyOutputQueue(4 * PtyOutputQueue.SegmentSize, () => { });
        void Round()
        {
            for (var i = 0; i < 100; i++)
            {
                var space = queue.Reserve();
                queue.Commit(Math.Min(space.Length, 4095));
                queue.Take(out var chunk, out _);
                queue.Release(chunk.Length);
            }
        }

        Round(); // warm up: segments rented, code compiled
        var before = GC.GetAllocatedBytesForCurrentThread();
        Round();

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    // A byte that differs between positions a segment (or any power of two) apart, so a swapped segment shows.
    private static byte Pattern(int position) => (byte)(((uint)position * 2654435761u) >> 24);

    private static int ReserveAll(PtyOutputQueue queue, int count)
    {
        queue.Reserve().Length.ShouldBeGreaterThanOrEqualTo(count);
        return count;
    }

    private static void FillCompletely(PtyOutputQueue queue)
    {
        while (queue.HasRoom())
        {
            var space = queue.Reserve();
            queue.Commit(space.Length);
        }
    }

    private static void Write(PtyOutputQueue queue, ReadOnlySpan<byte> bytes)
    {
        var space = queue.Reserve();
        if (space.IsEmpty)
        {
            queue.Commit(0);
            return;
        }

        bytes.CopyTo(space);
        queue.Commit(bytes.Length);
    }
}
