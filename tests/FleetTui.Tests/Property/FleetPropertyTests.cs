using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace FleetTui.Tests.Property;

/// <summary>
/// Random sequences of what happens to a fleet (tasks created, agents committing on branches and detached HEADs, ignored files, merges,
/// rm with and without --force, the destroy dialog with a commit racing it, prune, worktrees deleted by hand, several fleet processes at
/// once, a fleet process killed with SIGKILL at a random moment, state.json damaged) on a real repository; after each sequence, the
/// invariants of <see cref="FleetWorld.SettleAndCheckAsync"/>. CI runs a few cases; <c>FLEET_PROPERTY_CASES=n</c> or
/// <c>FLEET_PROPERTY_SECONDS=s</c> runs more by hand, <c>FLEET_PROPERTY_SEED</c> replays one.
/// </summary>
public class FleetPropertyTests(ITestOutputHelper output)
{
    /// <summary>Enough to run every kind of operation a few times in well under a minute on two cores.</summary>
    private const int CasesInCi = 10;

    [Fact]
    public async Task No_sequence_of_operations_loses_a_commit_or_leaves_the_fleet_inconsistent()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("FLEET_PROPERTY_CASES"), out var c) ? c : CasesInCi;
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("FLEET_PROPERTY_SECONDS"), out var s) ? s : -1;
        var seed = Environment.GetEnvironmentVariable("FLEET_PROPERTY_SEED");
        var ran = 0;
        var operations = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await FleetOperation.Sequence().SampleAsync(async sequence =>
        {
            using var world = await FleetWorld.CreateAsync();
            foreach (var operation in sequence)
                await world.ApplyAsync(operation);
            try
            {
                await world.SettleAndCheckAsync();
            }
            catch (Exception failure)
            {
                throw new InvalidOperationException($"{failure.Message}\n{await world.DescribeAsync()}", failure);
            }

            Interlocked.Increment(ref ran);
            Interlocked.Add(ref operations, sequence.Length);
        }, writeLine: output.WriteLine, seed: seed, iter: cases, time: seconds, threads: 1);

        output.WriteLine($"{ran} case(s), {operations} operation(s) in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    public static TheoryData<string, FleetOperation[]> KnownSequences => new()
    {
        { "rm after a detached-HEAD commit", [new FleetOperation.New("a"), new FleetOperation.AgentCommit("a", Detached: true), new FleetOperation.Remove("a", Force: false)] },
        { "rm --force after a detached-HEAD commit", [new FleetOperation.New("a"), new FleetOperation.AgentCommit("a", Detached: true), new FleetOperation.Remove("a", Force: true)] },
        { "the dialog raced by a commit", [new FleetOperation.New("b"), new FleetOperation.ConfirmedDestroy("b", AgentCommitsAfterTheLook: true)] },
        { "merge, then its dependent", [new FleetOperation.New("a"), new FleetOperation.AgentCommit("a", Detached: false), new FleetOperation.MarkDone("a"), new FleetOperation.Merge("a")] },
        { "a worktree with a detached-HEAD commit deleted by hand", [new FleetOperation.New("a"), new FleetOperation.AgentCommit("a", Detached: true), new FleetOperation.DeleteByHand("a")] },
        { "damage after work", [new FleetOperation.New("a"), new FleetOperation.AgentCommit("a", Detached: false), new FleetOperation.DamageState("null")] },
    };

    /// <summary>The sequences that found (or would have found) the failures, run every time whatever the random cases are.</summary>
    [Theory]
    [MemberData(nameof(KnownSequences))]
    public async Task A_known_sequence_keeps_every_invariant(string name, FleetOperation[] sequence)
    {
        using var world = await FleetWorld.CreateAsync();
        foreach (var operation in sequence)
            await world.ApplyAsync(operation);

        await world.SettleAndCheckAsync();
        output.WriteLine($"{name}: ok");
    }
}
