using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using FleetTui.Core.Merging;

namespace FleetTui.Benchmarks.Merging;

/// <summary>
/// Conflict prediction for 16 in-flight branches on a 2,000-file repository: 16 merges with the base + 120 pairs per refresh.
/// Goal: under 1 s per refresh. Run: <c>dotnet run -c Release --project tests/FleetTui.Benchmarks -- --filter '*ConflictProbe*'</c>.
/// </summary>
[MemoryDiagnoser]
public class ConflictProbeBenchmarks
{
    private const int Files = 2000;
    private const int Branches = 16;

    private string _root = "";
    private List<ProbeBranch> _branches = [];
    private ConflictProbe? _warm;
    private string[] _movingTips = [];
    private int _moves;

    [GlobalSetup]
    public void CreateRepository()
    {
        _root = Path.Combine(Path.GetTempPath(), "fleet-probe-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_root);
        var globalConfig = Path.Combine(_root, "gitconfig");
        File.WriteAllText(globalConfig, "[user]\n\tname = Bench\n\temail = bench@example.com\n");
        Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", globalConfig);
        Environment.SetEnvironmentVariable("GIT_CONFIG_NOSYSTEM", "1");

        Git("init", "-q", "-b", "main");
        for (var i = 0; i < Files; i++)
            Write($"src/module{i / 50:00}/file{i:0000}.cs", $"// file {i}\nline a\nline b\nline c\n");
        Git("add", "-A");
        Git("commit", "-q", "-m", "2000 files");

        for (var b = 0; b < Branches; b++)
        {
            Git("checkout", "-q", "-b", $"fleet/t{b}", "main");
            // Three files of its own, and one file shared with its neighbour: 16 predicted conflicts in all.
            for (var f = 0; f < 3; f++)
                Write($"src/module{b:00}/file{b * 50 + 10 + f:0000}.cs", $"// file\nchanged by t{b}\n");
            Write($"src/module{(b / 2) + 20:00}/file{((b / 2) + 20) * 50:0000}.cs", $"// file\nline a\nt{b} was here\nline c\n");
            Git("commit", "-q", "-am", $"t{b} work");
        }
        Git("checkout", "-q", "main");
        _branches = Enumerable.Range(0, Branches).Select(b => new ProbeBranch($"t{b}", $"fleet/t{b}")).ToList();

        // A second tip for t0 to alternate with, so the "one branch moved" case misses the cache for t0's 16 merges every time.
        var first = Git("rev-parse", "fleet/t0").Trim();
        Git("checkout", "-q", "fleet/t0");
        Write("src/module00/extra.cs", "extra\n");
        Git("add", "-A");
        Git("commit", "-q", "-m", "t0 more work");
        _movingTips = [first, Git("rev-parse", "HEAD").Trim()];
        Git("checkout", "-q", "main");

        _warm = new ConflictProbe(_root);
        var conflicts = _warm.Refresh("main", _branches);
        if (conflicts.Count != Branches / 2)
            throw new InvalidOperationException($"expected {Branches / 2} predicted conflicts, got {conflicts.Count}");
    }

    [GlobalCleanup]
    public void DeleteRepository()
    {
        _warm?.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Description = "cold refresh (open repo, 136 trial merges)")]
    public int ColdRefresh()
    {
        using var probe = new ConflictProbe(_root);
        return probe.Refresh("main", _branches).Count;
    }

    [Benchmark(Description = "warm refresh, nothing moved")]
    public int WarmRefreshNothingMoved() => _warm!.Refresh("main", _branches).Count;

    [IterationSetup(Target = nameof(WarmRefreshOneBranchMoved))]
    public void MoveOneBranch() => Git("update-ref", "refs/heads/fleet/t0", _movingTips[++_moves % 2]);

    [Benchmark(Description = "warm refresh, one branch moved (16 trial merges)")]
    public int WarmRefreshOneBranchMoved() => _warm!.Refresh("main", _branches).Count;

    private void Write(string relativePath, string text)
    {
        var full = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private string Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"git {string.Join(' ', args)}: {error}");
        return output;
    }
}
