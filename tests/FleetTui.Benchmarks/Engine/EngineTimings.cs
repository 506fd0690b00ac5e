using System.Diagnostics;
using System.Globalization;
using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using FleetTui.Core.Worktrees;

namespace FleetTui.Benchmarks.Engine;

/// <summary>
/// Stopwatch mode for the setup-heavy engine measurements, where BenchmarkDotNet's own iteration machinery costs more than
/// the work (one batch of 20 worktrees takes seconds; BDN's in-process toolchain refuses such long operations and its
/// out-of-process build times out on a loaded machine). Batches of <c>git worktree add</c> and of
/// <see cref="WorktreeManager.CreateAsync"/> are interleaved, so both meet the same machine load; medians are reported.
/// Run: <c>dotnet run -c Release --project tests/FleetTui.Benchmarks -- engine-timings [rounds]</c>.
/// </summary>
public static class EngineTimings
{
    public const string Verb = "engine-timings";

    /// <summary>Only the status refresh part: <c>engine-timings status</c>.</summary>
    private const string StatusOnly = "status";

    public static async Task RunAsync(string[] args)
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        if (args is [StatusOnly])
        {
            await StatusRefreshAsync();
            return;
        }

        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        await CreationAsync(rounds);
        await StatusRefreshAsync();
    }

    private static async Task CreationAsync(int rounds)
    {
        using var repo = await TempRepo.CreateAsync(extraFiles: 2000);
        var manager = new WorktreeManager(repo.Git, await RepositoryFacts.ReadAsync(repo.Git, repo.Path));
        var plain = new List<double>();
        var ours = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            plain.Add(await BatchAsync(repo, async (name, path) =>
                await repo.Git.RunAsync(repo.Path, ["worktree", "add", "--quiet", "-b", name, path, "main"])));
            ours.Add(await BatchAsync(repo, async (name, path) =>
                await manager.CreateAsync(new WorktreeRequest { Task = name, Branch = name, BaseRef = "main", Path = path })));
        }

        Console.WriteLine($"create 20 worktrees (2,000-file repo), {rounds} interleaved rounds:");
        Console.WriteLine($"  git worktree add -b     median {Median(plain),8:0} ms   all: {string.Join(", ", plain.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"  WorktreeManager.Create  median {Median(ours),8:0} ms   all: {string.Join(", ", ours.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"  ratio (ours / git)      {Median(ours) / Median(plain):0.00}x   (goal <= 1.20x)");
    }

    private static int _batch;

    private static async Task<double> BatchAsync(TempRepo repo, Func<string, string, Task> create)
    {
        var folder = Path.Combine(repo.RootDir, "repo.worktrees");
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        await repo.Git.RunAsync(repo.Path, ["worktree", "prune"]);
        var batch = ++_batch;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
            await create($"b{batch}-{i}", Path.Combine(folder, $"b{batch}-{i}"));
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task StatusRefreshAsync()
    {
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
        var scope = new ScopeMatcher(["src/dir1/**"]);
        using var scanning = new BranchStatusReader(watch: false);
        using var watching = new BranchStatusReader();
        var full = Measure(15, () => worktrees.ForEach(w => scanning.Read(w, "main", scope)));
        Measure(1, () => worktrees.ForEach(w => watching.Read(w, "main", scope)));
        var steady = Measure(15, () => worktrees.ForEach(w => watching.Read(w, "main", scope)));
        await session.SendAsync(new SessionCommand.RefreshStatus());
        var sessionSteady = Measure(15, () => session.SendAsync(new SessionCommand.RefreshStatus()).GetAwaiter().GetResult());

        Console.WriteLine("status refresh of 30 worktrees (2,000-file repo), median of 15 (goal < 100 ms):");
        Console.WriteLine($"  full scan (every worktree re-read)       {full:0.0} ms");
        Console.WriteLine($"  steady (nothing touched, watcher on)     {steady:0.00} ms");
        Console.WriteLine($"  FleetSession RefreshStatus (steady)      {sessionSteady:0.00} ms");
    }

    private static double Measure(int times, Action action)
    {
        var samples = new List<double>();
        for (var i = 0; i < times; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        return Median(samples);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
