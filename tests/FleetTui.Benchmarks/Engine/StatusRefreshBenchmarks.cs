using BenchmarkDotNet.Attributes;
using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using FleetTui.Core.Worktrees;

namespace FleetTui.Benchmarks.Engine;

/// <summary>
/// One full status refresh of 30 task worktrees in a 2,000-file repository (goal: under 100 ms), each task with commits ahead,
/// the base moved on, a few uncommitted files and a scope to check: the bare <see cref="BranchStatusReader"/> pass, and the
/// whole <see cref="SessionCommand.RefreshStatus"/> round trip through the session (channel, comparison, snapshot). The steady
/// case (nothing touched since the last second: the watcher lets the working-tree scan be skipped) is what the TUI pays each second;
/// the full-scan case (every worktree re-scanned, as when all 30 agents are writing at once) is the worst case.
/// Run: <c>dotnet run -c Release --project tests/FleetTui.Benchmarks -- --filter '*StatusRefresh*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class StatusRefreshBenchmarks
{
    private const int Tasks = 30;
    private TempRepo _repo = null!;
    private BranchStatusReader _reader = null!;
    private BranchStatusReader _scanningReader = null!;
    private FleetSession _session = null!;
    private readonly List<string> _worktrees = [];
    private readonly ScopeMatcher _scope = new(["src/dir1/**", "docs/**"]);

    [GlobalSetup]
    public void CreateFleet() => CreateFleetAsync().GetAwaiter().GetResult();

    private async Task CreateFleetAsync()
    {
        _repo = await TempRepo.CreateAsync(extraFiles: 2000);
        var tasks = Enumerable.Range(0, Tasks).Select(i => new TaskConfig { Name = $"t{i}", Branch = $"fleet/t{i}", Scope = ["src/dir1/**", "docs/**"] }).ToList();
        var config = new FleetConfig { SourcePath = Path.Combine(_repo.Path, "fleet.toml"), Fleet = new FleetSettings { Base = "main" }, Tasks = tasks };
        _session = await FleetSession.OpenAsync(new FleetSessionOptions { RepositoryDirectory = _repo.Path, Config = config, Git = _repo.Git });
        foreach (var task in tasks)
        {
            var result = await _session.SendAsync(new SessionCommand.CreateTask(task.Name));
            if (!result.Succeeded)
                throw new InvalidOperationException(result.Message);
            var path = _session.Current.FindTask(task.Name)!.WorktreePath;
            _worktrees.Add(path);
            await _repo.CommitFileAsync($"src/dir1/{task.Name}.txt", "in scope", "task work", path);
            await _repo.CommitFileAsync($"src/dir2/{task.Name}.txt", "out of scope", "more task work", path);
            _repo.WriteFile("src/dir3/file3.txt", "edited", path);
            _repo.WriteFile($"scratch-{task.Name}.txt", "untracked", path);
        }

        await _repo.CommitFileAsync("base-moved.txt", "b", "base moves on");
        _reader = new BranchStatusReader();
        _scanningReader = new BranchStatusReader(watch: false);
    }

    [GlobalCleanup]
    public void Delete()
    {
        _reader.Dispose();
        _scanningReader.Dispose();
        _session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _repo.Dispose();
    }

    [Benchmark(Description = "BranchStatusReader: 30 worktrees, steady")]
    public int ReaderPass() => Pass(_reader);

    [Benchmark(Description = "BranchStatusReader: 30 worktrees, full scan")]
    public int ScanningReaderPass() => Pass(_scanningReader);

    private int Pass(BranchStatusReader reader)
    {
        var total = 0;
        foreach (var worktree in _worktrees)
            total += reader.Read(worktree, "main", _scope).Ahead;
        return total;
    }

    [Benchmark(Description = "FleetSession RefreshStatus: 30 tasks")]
    public async Task<bool> SessionRefresh() => (await _session.SendAsync(new SessionCommand.RefreshStatus())).Succeeded;
}
