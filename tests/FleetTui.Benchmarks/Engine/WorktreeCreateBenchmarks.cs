using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FleetTui.Core.Git;
using FleetTui.Core.Tests.Support;
using FleetTui.Core.Worktrees;

namespace FleetTui.Benchmarks.Engine;

/// <summary>
/// Creating 20 worktrees in a 2,000-file repository: <see cref="WorktreeManager.CreateAsync"/> (with its refusal checks and
/// rollback bookkeeping, no setup command) against plain <c>git worktree add -b</c> doing the same, in the same run
/// (goal: within 1.2x). Each iteration starts from a repository without worktrees (removed in the iteration setup).
/// Run: <c>dotnet run -c Release --project tests/FleetTui.Benchmarks -- --filter '*WorktreeCreate*'</c> (out of process: the
/// in-process toolchain refuses operations this long). On a loaded machine prefer the interleaved Stopwatch mode,
/// <see cref="EngineTimings"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 6, invocationCount: 1)]
public class WorktreeCreateBenchmarks
{
    private const int Worktrees = 20;
    private TempRepo _repo = null!;
    private WorktreeManager _manager = null!;
    private int _round;

    [GlobalSetup]
    public void CreateRepository()
    {
        _repo = TempRepo.CreateAsync(extraFiles: 2000).GetAwaiter().GetResult();
        _manager = new WorktreeManager(_repo.Git, RepositoryFacts.ReadAsync(_repo.Git, _repo.Path).GetAwaiter().GetResult());
    }

    [GlobalCleanup]
    public void DeleteRepository() => _repo.Dispose();

    [IterationSetup]
    public void RemoveWorktrees()
    {
        var folder = Path.Combine(_repo.RootDir, "repo.worktrees");
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        _repo.Git.RunAsync(_repo.Path, ["worktree", "prune"]).GetAwaiter().GetResult();
        _round++;
    }

    [Benchmark(Baseline = true, Description = "git worktree add -b x20")]
    public async Task PlainGit()
    {
        for (var i = 0; i < Worktrees; i++)
        {
            var name = $"git-{_round}-{i}";
            await _repo.Git.RunAsync(_repo.Path, ["worktree", "add", "--quiet", "-b", name, Path.Combine(_repo.RootDir, "repo.worktrees", name), "main"]);
        }
    }

    [Benchmark(Description = "WorktreeManager.CreateAsync x20")]
    public async Task Manager()
    {
        for (var i = 0; i < Worktrees; i++)
        {
            var name = $"mgr-{_round}-{i}";
            await _manager.CreateAsync(new WorktreeRequest
            {
                Task = name, Branch = name, BaseRef = "main", Path = Path.Combine(_repo.RootDir, "repo.worktrees", name),
            });
        }
    }
}
