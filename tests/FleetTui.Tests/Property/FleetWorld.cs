using System.Text.Json;
using FleetTui.Cli;
using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using FleetTui.Core.Worktrees;
using FleetTui.Tests.Cli;
using Shouldly;

namespace FleetTui.Tests.Property;

/// <summary>
/// A real repository with a fleet, the operations of <see cref="FleetOperation"/> applied to it (verbs in process and as real
/// processes), and the invariants checked after a sequence: no commit an agent made is lost (rescued ones count), state.json
/// validates, no temporary worktree stays registered, no task is in a phase its worktree contradicts.
/// </summary>
public sealed class FleetWorld : IDisposable
{
    private const string FleetToml = """
        [fleet]
        base = "main"
        gate = "true"
        gate_after_merge = true

        [setup]
        run = "sleep 0.1"

        [[task]]
        name = "a"

        [[task]]
        name = "b"

        [[task]]
        name = "c"
        depends_on = ["a"]
        """;

    private readonly List<string> _commits = [];
    private int _counter;

    private FleetWorld(TempRepo repo) => Repo = repo;

    public TempRepo Repo { get; }

    private string FleetDir => Path.Combine(Repo.CommonDir, "fleet");

    private string StatePath => Path.Combine(FleetDir, "state.json");

    public static async Task<FleetWorld> CreateAsync()
    {
        var repo = await TempRepo.CreateAsync();
        repo.WriteFile("fleet.toml", FleetToml);
        repo.WriteFile(".gitignore", ".env.local\n");
        await repo.CommitAllAsync("a fleet");
        return new FleetWorld(repo);
    }

    private string WorktreeOf(string task) => Path.Combine(Repo.RootDir, "repo.worktrees", task);

    private FleetConfig Config => ConfigLoader.Load(Path.Combine(Repo.Path, "fleet.toml"));

    public async Task ApplyAsync(FleetOperation operation)
    {
        switch (operation)
        {
            case FleetOperation.New(var task):
                VerbRunner.Run(Repo, "new", task);
                break;
            case FleetOperation.AgentCommit(var task, var detached):
                await AgentCommitAsync(task, detached);
                break;
            case FleetOperation.LeaveFile(var task, var ignored) when Directory.Exists(WorktreeOf(task)):
                Repo.WriteFile(ignored ? ".env.local" : $"wip-{_counter++}.txt", "left behind", WorktreeOf(task));
                break;
            case FleetOperation.MarkDone(var task):
                await WithSessionAsync(session => session.SendAsync(new SessionCommand.MarkDone(task)));
                break;
            case FleetOperation.Merge(var task):
                VerbRunner.Run(Repo, "merge", task, "--yes");
                break;
            case FleetOperation.Remove(var task, var force):
                VerbRunner.Run(Repo, force ? ["rm", task, "--force"] : ["rm", task]);
                break;
            case FleetOperation.ConfirmedDestroy(var task, var commitsAfter):
                await ConfirmedDestroyAsync(task, commitsAfter);
                break;
            case FleetOperation.Prune:
                VerbRunner.Run(Repo, "prune");
                break;
            case FleetOperation.DeleteByHand(var task) when Directory.Exists(WorktreeOf(task)):
                Directory.Delete(WorktreeOf(task), recursive: true);
                break;
            case FleetOperation.Parallel(var tasks):
                await Task.WhenAll(tasks.Select(t => FleetProcess.RunAsync(Repo, "new", t)));
                break;
            case FleetOperation.Kill(var arguments, var afterMilliseconds):
                await KillAsync(arguments, afterMilliseconds);
                break;
            case FleetOperation.DamageState(var json):
                await DamageAsync(json);
                break;
        }
    }

    private async Task AgentCommitAsync(string task, bool detached)
    {
        var worktree = WorktreeOf(task);
        if (!Directory.Exists(Path.Combine(worktree, ".git")) && !File.Exists(Path.Combine(worktree, ".git")))
            return;
        var branch = (await Repo.Git.TryRunAsync(worktree, ["symbolic-ref", "--short", "-q", "HEAD"])).StandardOutput.Trim();
        if (detached && (await Repo.Git.TryRunAsync(worktree, ["checkout", "--quiet", "--detach"])).ExitCode != 0)
            return;
        var result = await CommitAsync(worktree, $"{task}-{_counter++}.txt", $"{task}: work {_counter}");
        if (result is not null)
            _commits.Add(result);
        if (detached && branch.Length > 0)
            await Repo.Git.TryRunAsync(worktree, ["checkout", "--quiet", branch]);
    }

    /// <summary>Commits one new file; null when git refused (the worktree was half made by a killed fleet, say).</summary>
    private async Task<string?> CommitAsync(string worktree, string file, string message)
    {
        Repo.WriteFile(file, message, worktree);
        if ((await Repo.Git.TryRunAsync(worktree, ["add", "--", file])).ExitCode != 0)
            return null;
        if ((await Repo.Git.TryRunAsync(worktree, ["commit", "--quiet", "-m", message, "--", file])).ExitCode != 0)
            return null;
        return (await Repo.Git.RunAsync(worktree, ["rev-parse", "HEAD"])).Trim();
    }

    private async Task ConfirmedDestroyAsync(string task, bool commitsAfterTheLook)
    {
        await WithSessionAsync(async session =>
        {
            if (session.Current.FindTask(task) is not { Phase: TaskPhase.Active or TaskPhase.Done or TaskPhase.Review or TaskPhase.SetupFailed } snapshot)
                return;
            var manager = new WorktreeManager(Repo.Git, session.Repository);
            var shown = await manager.DescribeLossAsync(snapshot.WorktreePath, snapshot.Branch, snapshot.BaseBranch, [.. Config.Setup.Copy]);
            if (commitsAfterTheLook && await CommitAsync(snapshot.WorktreePath, $"late-{_counter++}.txt", $"{task}: late work") is { } late)
                _commits.Add(late);
            await session.SendAsync(new SessionCommand.DestroyTask(task, Force: true, ExpectedLoss: shown));
        });
    }

    private async Task KillAsync(string[] arguments, int afterMilliseconds)
    {
        using var process = FleetProcess.Start(Repo, arguments);
        process.StandardInput.Close();
        // The random moment is the point of this operation: the process is killed then, wherever it is (unless it already ended).
        using var moment = new CancellationTokenSource(afterMilliseconds);
        try
        {
            await process.WaitForExitAsync(moment.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    private async Task DamageAsync(string json)
    {
        var backup = StatePath + ".bak";
        Directory.CreateDirectory(FleetDir);
        await File.WriteAllTextAsync(StatePath, json);

        var ps = VerbRunner.Run(Repo, "ps");
        var rm = VerbRunner.Run(Repo, "rm", "a", "--force");

        ps.ExitCode.ShouldBe(ExitCodes.Failed, "a damaged state.json must be refused");
        ps.Error.ShouldContain("is corrupt");
        rm.ExitCode.ShouldBe(ExitCodes.Failed);
        (await File.ReadAllTextAsync(StatePath)).ShouldBe(json, "a damaged state.json must be left untouched");
        // What the user does next: put the last good state back (it validated when it was rotated), or start afresh.
        if (File.Exists(backup))
            File.Copy(backup, StatePath, overwrite: true);
        else
            File.Delete(StatePath);
    }

    private async Task WithSessionAsync(Func<FleetSession, Task> work)
    {
        FleetSession session;
        try
        {
            session = await FleetSession.OpenAsync(new FleetSessionOptions
            {
                RepositoryDirectory = Repo.Path,
                Config = Config,
                Git = Repo.Git,
                ExtraSetupEnvironment = Repo.Git.Environment.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!),
            });
        }
        catch (SessionStateException)
        {
            return;
        }

        await using (session)
            await work(session);
    }

    /// <summary>What the next run of any verb that may write does first (recovery), then the invariants.</summary>
    public async Task SettleAndCheckAsync()
    {
        var settle = VerbRunner.Run(Repo, "prune");
        settle.ExitCode.ShouldBe(ExitCodes.Ok, $"prune after the sequence: {settle.Error}");

        var state = new SessionStore(FleetDir).Load(); // throws if state.json does not validate
        var recoverable = await RecoverableCommitsAsync();
        _commits.Where(c => !recoverable.Contains(c)).ShouldBeEmpty("commits an agent made are no longer reachable");

        var worktrees = await Repo.RunGitAsync("worktree", "list", "--porcelain");
        worktrees.ShouldNotContain("fleet-gate-", customMessage: "a temporary gate worktree is still registered");
        foreach (var task in state.Tasks)
            CheckPhaseAgainstWorktree(task, worktrees);
    }

    private static void CheckPhaseAgainstWorktree(TaskState task, string worktrees)
    {
        var exists = Directory.Exists(task.Worktree);
        var registered = worktrees.Split('\n').Contains($"worktree {task.Worktree}");
        switch (task.Phase)
        {
            case TaskPhase.SettingUp:
                throw new ShouldAssertException($"task {task.Name} is still setting up although no fleet runs");
            case TaskPhase.SetupFailed or TaskPhase.Active or TaskPhase.Done or TaskPhase.Review:
                exists.ShouldBeTrue($"task {task.Name} is {task.Phase} but its worktree folder is gone");
                registered.ShouldBeTrue($"task {task.Name} is {task.Phase} but git does not list its worktree");
                break;
            case TaskPhase.Missing or TaskPhase.Pending or TaskPhase.Blocked:
                exists.ShouldBeFalse($"task {task.Name} is {task.Phase} but its worktree folder exists");
                break;
        }
    }

    /// <summary>
    /// Every commit any ref reaches (rescued ones included), any reflog of the repository, and any live worktree's HEAD and HEAD
    /// reflog: what a user could still get back with git alone.
    /// </summary>
    private async Task<HashSet<string>> RecoverableCommitsAsync()
    {
        var starts = new List<string> { "--all", "--reflog" };
        var admins = Path.Combine(Repo.CommonDir, "worktrees");
        if (Directory.Exists(admins))
        {
            foreach (var admin in Directory.EnumerateDirectories(admins))
            {
                var log = Path.Combine(admin, "logs", "HEAD");
                if (File.Exists(log))
                    starts.AddRange(File.ReadAllLines(log).SelectMany(l => l.Split(' ').Take(2)).Where(s => s.Length == 40 && s != new string('0', 40)));
            }
        }

        var result = await Repo.Git.TryRunAsync(Repo.Path, ["rev-list", "--ignore-missing", .. starts.Distinct()]);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>For a failure message: the state file and the worktrees as they are.</summary>
    public async Task<string> DescribeAsync() =>
        $"state.json:\n{(File.Exists(StatePath) ? await File.ReadAllTextAsync(StatePath) : "(none)")}\n" +
        $"worktrees:\n{await Repo.RunGitAsync("worktree", "list")}\ncommits tracked: {_commits.Count}";

    public void Dispose()
    {
        Repo.Dispose();
        foreach (var scratch in Directory.EnumerateDirectories(Path.GetTempPath(), "fleet-gate-*"))
        {
            // A temporary gate checkout of this repository that a kill left and no verb removed yet.
            if (File.Exists(Path.Combine(scratch, ".git")) && File.ReadAllText(Path.Combine(scratch, ".git")).Contains(Repo.RootDir, StringComparison.Ordinal))
                Directory.Delete(scratch, recursive: true);
        }
    }
}
