using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Merging;

/// <summary>
/// Random fleets (random DAGs, random overlapping edits, random gates, a sometimes-dirty main worktree, with and without
/// fast-forward), merged round after round the way a user would: whatever happens, no commit that was reachable before a
/// run is unreachable after it, dependencies always merge first, and the user's uncommitted edit survives.
/// </summary>
public class MergeRunPropertyTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 8)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task No_commit_reachable_before_a_run_is_unreachable_after_it(int seed)
    {
        var random = new Random(seed);
        var pool = new[] { "a.txt", "b.txt", "c.txt", "d.txt" };
        using var repo = TestRepo.Create(pool.ToDictionary(f => f, f => "line1\nline2\nline3\n"));
        var fixture = new MergeFixture(repo);
        var host = new RecordingMergeHost(repo);
        var count = random.Next(2, 6);
        var names = Enumerable.Range(0, count).Select(i => "t" + i).ToArray();
        var deps = names.ToDictionary(n => n, n => names.TakeWhile(m => m != n).Where(_ => random.NextDouble() < 0.35).ToArray());
        foreach (var name in names.Where(n => deps[n].Length == 0))
            repo.AddTask(name);
        var settings = MergeFixture.Settings(fastForward: random.NextDouble() < 0.5);
        var worked = new HashSet<string>();

        for (var round = 0; round < count + 1; round++)
        {
            foreach (var name in names.Where(n => Directory.Exists(repo.WorktreePath(n)) && worked.Add(n)))
            {
                for (var c = random.Next(1, 4); c > 0; c--)
                {
                    var file = random.NextDouble() < 0.5 ? pool[random.Next(pool.Length)] : name + ".txt";
                    repo.Commit(repo.WorktreePath(name), $"{name} edit", (file, $"line1\n{name}-{random.Next(3)}\nline3\n"));
                }
                fixture.GateCommands[name] = random.NextDouble() < 0.2 ? "exit 1" : "exit 0";
            }
            if (random.NextDouble() < 0.3)
                repo.Commit(repo.Path, "base moves", (pool[random.Next(pool.Length)], $"line1\nbase-{round}\nline3\n"));
            var dirty = random.NextDouble() < 0.25;
            if (dirty)
                repo.Write("a.txt", "the user's uncommitted edit\n");

            foreach (var name in host.MergedInOrder)
                fixture.Phases[name] = TaskPhase.Merged;
            foreach (var name in host.Review.Keys)
                fixture.Phases[name] = TaskPhase.Review;
            var before = fixture.Reachable();

            await fixture.RunAsync(host, names.Select(n => fixture.Facts(n, deps[n])).ToList(), settings);

            var after = fixture.Reachable();
            before.Except(after).ShouldBeEmpty($"seed {seed}, round {round}: commits lost");
            if (dirty)
            {
                File.ReadAllText(Path.Combine(repo.Path, "a.txt")).ShouldBe("the user's uncommitted edit\n");
                repo.Git("checkout", "--", "a.txt");
            }
        }

        for (var i = 0; i < host.MergedInOrder.Count; i++)
            deps[host.MergedInOrder[i]].ShouldAllBe(d => host.MergedInOrder.Take(i).Contains(d), $"seed {seed}: {host.MergedInOrder[i]} merged before a dependency");
        foreach (var merged in host.MergedInOrder)
            repo.Git("log", "--format=%s", "main").ShouldContain($"{merged} edit");
    }
}
