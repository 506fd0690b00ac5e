using System.Diagnostics;
using System.Globalization;
using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;

namespace FleetTui.Benchmarks.Engine;

/// <summary>
/// <c>status-timeline [SECONDS]</c> (default 60): issue 17 goal 4's "status refresh of 30 tasks &lt; 100 ms", measured the way
/// the host pays it: a 30-task fleet in a 2,000-file repository (each task a commit ahead, an untracked file, a scope to
/// check; the base moved on), <see cref="SessionCommand.RefreshStatus"/> every 2 s in real time (the host's status pump)
/// for SECONDS, while one agent edits a file in its worktree before each refresh (round robin). Reports the median and the
/// worst refresh: the worst one is what a periodic full re-scan of every worktree costs. Uses only the session's public
/// commands, so the same file runs against an older <c>BranchStatusReader</c> for a before/after.
/// </summary>
public static class StatusTimeline
{
    public const string Verb = "status-timeline";
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
        using var repo = await TempRepo.CreateAsync(extraFiles: 2000);
        var tasks = Enumerable.Range(0, 30).Select(i => new TaskConfig { Name = $"t{i}", Branch = $"fleet/t{i}", Scope = ["src/dir1/**"] }).ToList();
        var config = new FleetConfig { SourcePath = Path.Combine(repo.Path, "fleet.toml"), Fleet = new FleetSettings { Base = "main" }, Tasks = tasks };
        await using var session = await FleetSession.OpenAsync(new FleetSessionOptions { RepositoryDirectory = repo.Path, Config = config, Git = repo.Git });
        var worktrees = new List<string>();
        foreach (var task in tasks)
        {
            var result = await session.SendAsync(new SessionCommand.CreateTask(task.Name));
            if (!result.Succeeded)
                throw new InvalidOperationException(result.Message);
            var path = session.Current.FindTask(task.Name)!.WorktreePath;
            worktrees.Add(path);
            await repo.CommitFileAsync($"src/dir2/{task.Name}.txt", "out of scope", "task work", path);
            repo.WriteFile($"scratch-{task.Name}.txt", "untracked", path);
        }

        await repo.CommitFileAsync("base-moved.txt", "b", "base moves on");
        await session.SendAsync(new SessionCommand.RefreshStatus()); // opens every worktree: not part of the steady timeline

        var samples = new List<double>();
        var started = Stopwatch.StartNew();
        for (var tick = 0; started.Elapsed < TimeSpan.FromSeconds(seconds); tick++)
        {
            var due = Period * (tick + 1);
            if (due > started.Elapsed)
                await Task.Delay(due - started.Elapsed);
            repo.WriteFile("src/dir3/file3.txt", $"edit {tick}", worktrees[tick % worktrees.Count]);
            var clock = Stopwatch.StartNew();
            await session.SendAsync(new SessionCommand.RefreshStatus());
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        var sorted = samples.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"status refresh of 30 tasks every 2 s for {seconds} s, one worktree edited per refresh (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}):"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {samples.Count} refreshes: median {sorted[sorted.Count / 2]:0.0} ms, 90th {sorted[(int)(sorted.Count * 0.9)]:0.0} ms, worst {sorted[^1]:0.0} ms (goal < 100 ms)"));
        Console.WriteLine($"  all (ms): {string.Join(" ", samples.Select(s => s.ToString("0", CultureInfo.InvariantCulture)))}");
    }
}
