using FleetTui.Core.Git;

namespace FleetTui.Core.Worktrees;

/// <summary>
/// Creates, lists and destroys task worktrees of one repository through the git CLI.
/// Why not libgit2 here: LibGit2Sharp's <c>Worktrees.Add</c> cannot create a new branch from a base other than HEAD and leaves a
/// half-made worktree and branch behind when it fails; its <c>Worktrees.Prune</c> deletes a dirty worktree (untracked files included)
/// without asking, where <c>git worktree remove</c> refuses. So every write goes through <c>git worktree add/remove</c> and
/// <c>git branch</c>; libgit2 is kept for fast reads (<see cref="BranchStatusReader"/>).
/// </summary>
public sealed class WorktreeManager
{
    private readonly GitCli _git;

    public WorktreeManager(GitCli git, RepositoryFacts repository)
    {
        _git = git;
        Repository = repository;
    }

    public RepositoryFacts Repository { get; }

    /// <summary>Where the setup log of <paramref name="task"/> goes: <c>&lt;common-dir&gt;/fleet/logs/&lt;task&gt;/setup.log</c>.</summary>
    public string SetupLogPath(string task) => Path.Combine(Repository.FleetDir, "logs", task, "setup.log");

    /// <summary>
    /// <c>git worktree add -b &lt;branch&gt; &lt;path&gt; &lt;base&gt;</c>, then the [setup] files, caches and command.
    /// Refuses (nothing touched) when the path exists and is not empty, the branch exists, the base names no commit or a [setup]
    /// source is missing. Any failure before the setup command rolls everything back (worktree removed, the branch we made deleted).
    /// A failing setup command does not: the worktree stays for inspection and the outcome says so.
    /// </summary>
    public async Task<CreatedWorktree> CreateAsync(WorktreeRequest request, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareAsync(request, cancellationToken).ConfigureAwait(false);
        return prepared.Created with { Setup = await RunSetupAsync(request, prepared.Created.Path, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>
    /// The first half of <see cref="CreateAsync"/>: the worktree, its [setup] files and caches, all or nothing (a failure rolls back what
    /// this call made). The setup command is not run: a task spanning several repositories prepares every worktree first, so that a
    /// failure in one leaves none (<see cref="UndoAsync"/> undoes the ones already prepared), and runs the setups after.
    /// </summary>
    public async Task<PreparedWorktree> PrepareAsync(WorktreeRequest request, CancellationToken cancellationToken = default)
    {
        var root = Repository.Root;
        var path = Path.GetFullPath(request.Path);
        if (Directory.Exists(path) ? Directory.EnumerateFileSystemEntries(path).Any() : File.Exists(path))
            throw new WorktreeException($"Cannot create worktree for task '{request.Task}': {path} already exists and is not empty.");
        if (await _git.BranchExistsAsync(root, request.Branch, cancellationToken).ConfigureAwait(false))
            throw new WorktreeException(
                $"Cannot create worktree for task '{request.Task}': branch '{request.Branch}' already exists{InRepository} (choose another branch or delete it).");
        var baseCommit = await _git.ResolveCommitAsync(root, request.BaseRef, cancellationToken).ConfigureAwait(false)
            ?? throw new WorktreeException($"Cannot create worktree for task '{request.Task}': base '{request.BaseRef}' names no commit{InRepository}.");
        SetupFiles.EnsureSourcesExist(root, request.Setup.Copy.Concat(request.Setup.Link));

        var existedBefore = Directory.Exists(path);
        try
        {
            await AddWorktreeAsync(path, request.Branch, baseCommit, existedBefore, cancellationToken).ConfigureAwait(false);
            SetupFiles.Apply(root, path, request.Setup.Copy, request.Setup.Link);
            foreach (var cache in request.Caches.Values)
                Directory.CreateDirectory(cache);
        }
        catch (Exception error)
        {
            await RollBackAsync(path, request.Branch, existedBefore).ConfigureAwait(false);
            if (error is OperationCanceledException)
                throw;
            throw new WorktreeException($"Could not create worktree for task '{request.Task}'{InRepository} (rolled back): {error.Message}", error);
        }

        return new PreparedWorktree(new CreatedWorktree(path, request.Branch, baseCommit, SetupOutcome.NothingToRun(null)), existedBefore);
    }

    /// <summary>
    /// Undoes a <see cref="PrepareAsync"/> whose task could not be created as a whole: the worktree (only just made: nothing in it is
    /// anyone's work yet) and the branch go; a folder that existed (empty) before keeps existing, emptied.
    /// </summary>
    public Task UndoAsync(PreparedWorktree prepared) =>
        RollBackAsync(prepared.Created.Path, prepared.Created.Branch, prepared.FolderExistedBefore);

    /// <summary>The second half of <see cref="CreateAsync"/>: the setup command in the prepared worktree, logged.</summary>
    public async Task<SetupOutcome> RunSetupAsync(WorktreeRequest request, string path, CancellationToken cancellationToken = default)
    {
        var logPath = request.SetupLog ?? SetupLogPath(request.Task);
        return request.Setup.Run is { Length: > 0 } command
            ? await SetupCommandRunner.RunAsync(command, path, SetupEnvironment(request), request.Setup.Timeout, logPath, cancellationToken)
                .ConfigureAwait(false)
            : SetupOutcome.NothingToRun(null);
    }

    /// <summary>" in &lt;root&gt;" for messages, so a task spanning several repositories says which one failed.</summary>
    private string InRepository => $" in {Repository.Root}";

    /// <summary>
    /// <c>git worktree add</c>, one at a time: git reads every registered worktree while adding one, and fails ("failed to read
    /// .git/worktrees/&lt;other&gt;/commondir") when another add is half way through registering its own. The cockpit creates every
    /// pending task at once, so adds of this process queue here; an add racing another process (a <c>fleet new</c> next door) is
    /// undone and tried again.
    /// </summary>
    private async Task AddWorktreeAsync(string path, string branch, string baseCommit, bool existedBefore, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await WorktreeAddQueue.WaitAsync(cancellationToken).ConfigureAwait(false);
            GitResult result;
            try
            {
                // "--" keeps a path or base starting with '-' from being read as an option.
                result = await _git.TryRunAsync(Repository.Root, ["worktree", "add", "--quiet", "-b", branch, "--", path, baseCommit], cancellationToken)
                    .ConfigureAwait(false);
            }
            finally
            {
                WorktreeAddQueue.Release();
            }

            if (result.Succeeded)
                return;
            if (attempt == RaceAttempts || !IsConcurrentAddRace(result.StandardError))
                throw new GitException(result);
            await RollBackAsync(path, branch, existedBefore).ConfigureAwait(false);
            await RaceBackOffAsync(attempt, cancellationToken).ConfigureAwait(false);
        }
    }

    private static readonly SemaphoreSlim WorktreeAddQueue = new(1, 1);

    /// <summary>git's message when another worktree's registration was half written while this add read them all.</summary>
    internal static bool IsConcurrentAddRace(string standardError) =>
        standardError.Contains("failed to read", StringComparison.Ordinal) && standardError.Contains("worktrees", StringComparison.Ordinal);

    private static Dictionary<string, string> SetupEnvironment(WorktreeRequest request)
    {
        var environment = new Dictionary<string, string>(request.Environment, StringComparer.Ordinal);
        foreach (var (name, dir) in request.Caches)
            environment[name] = dir;
        return environment;
    }

    /// <summary>Undoes a partial create; never touches a folder that existed before (it was empty, so only its content is ours).</summary>
    private async Task RollBackAsync(string path, string branch, bool existedBefore)
    {
        var root = Repository.Root;
        var registered = (await ListAsync().ConfigureAwait(false)).Any(w => SamePath(w.Path, path));
        if (registered)
            await RunWorktreeCommandAsync(["worktree", "remove", "--force", "--force", "--", path]).ConfigureAwait(false);
        if (Directory.Exists(path))
        {
            if (existedBefore)
            {
                foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos())
                    DeleteEntry(entry);
            }
            else
            {
                Directory.Delete(path, recursive: true);
            }
        }

        if (registered)
            await PruneAsync().ConfigureAwait(false);
        // git creates the branch before the worktree, and leaves it behind when the second step fails.
        if (await _git.BranchExistsAsync(root, branch).ConfigureAwait(false))
            await _git.TryRunAsync(root, ["branch", "-D", "--", branch]).ConfigureAwait(false);
    }

    private static void DeleteEntry(FileSystemInfo entry)
    {
        if (entry is DirectoryInfo dir && dir.LinkTarget is null)
            dir.Delete(recursive: true);
        else
            entry.Delete();
    }

    /// <summary>
    /// What removing the worktree at <paramref name="path"/> and deleting <paramref name="branch"/> would lose right now (see
    /// <see cref="WorktreeLoss"/>): uncommitted paths, commits not in <paramref name="baseRef"/>, commits only a reflog reaches,
    /// ignored files. <paramref name="setupFiles"/> ([setup] copies and links) and fleet's own files are not counted.
    /// </summary>
    public Task<WorktreeLoss> DescribeLossAsync(
        string path, string branch, string baseRef, IReadOnlyCollection<string>? setupFiles = null, CancellationToken cancellationToken = default) =>
        new WorktreeLossReader(_git, Repository, this).ReadAsync(Path.GetFullPath(path), branch, baseRef, setupFiles ?? [], cancellationToken);

    /// <summary>
    /// Removes the worktree at <paramref name="path"/> (<c>git worktree remove</c>) and deletes <paramref name="branch"/> when it is
    /// merged into <paramref name="baseRef"/>. Without <paramref name="force"/> refuses with <see cref="DestroyRefusedException"/> when
    /// anything would be lost (<see cref="DescribeLossAsync"/>). With it: the commits that would become unreachable are first kept
    /// under <c>refs/fleet/rescued/&lt;task&gt;/</c> (<see cref="CommitRescue"/>), then <c>git worktree remove --force</c> and the
    /// branch is deleted. The branch is deleted only if it still points where it was checked (compare-and-swap), so a commit made
    /// meanwhile is never lost. A worktree folder already gone is fine (git's stale entry is pruned).
    /// </summary>
    /// <param name="setupFiles">
    /// The task's <c>[setup] copy</c>/<c>link</c> paths: our own reproducible copies, so they are not "work that would be lost";
    /// they are deleted (inside the worktree only) before <c>git worktree remove</c>, which would otherwise refuse untracked files.
    /// </param>
    public async Task<DestroyResult> DestroyAsync(
        string task, string path, string branch, string baseRef, bool force, CancellationToken cancellationToken = default,
        IReadOnlyCollection<string>? setupFiles = null)
    {
        var root = Repository.Root;
        path = Path.GetFullPath(path);
        var tip = await _git.ResolveCommitAsync(root, $"refs/heads/{branch}", cancellationToken).ConfigureAwait(false);
        var folderExists = Directory.Exists(path);
        var registered = (await ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(w => SamePath(w.Path, path));
        if (folderExists && registered is null)
            throw new WorktreeException($"Refusing to delete {path}: git does not know it as a worktree of {root}.");
        var loss = await DescribeLossAsync(path, branch, baseRef, setupFiles, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> rescued = [];
        if (!force)
        {
            if (!loss.IsEmpty)
                throw new DestroyRefusedException(task, loss, baseRef);
            if (folderExists)
            {
                var ours = (setupFiles ?? []).Concat(WorktreeLossReader.FleetWrittenPaths).Select(p => p.Replace('\\', '/').TrimEnd('/')).ToList();
                var uncommitted = await UncommittedPathsAsync(path, cancellationToken).ConfigureAwait(false);
                DeleteSetupFiles(path, ours.Where(o => uncommitted.Any(p => p == o || p.StartsWith(o + "/", StringComparison.Ordinal))));
            }
        }
        else
        {
            // Never lose a commit, even when told to: whatever would become unreachable stays reachable under refs/fleet/rescued.
            rescued = await CommitRescue.KeepAsync(_git, root, task, loss.UnmergedCommits.Concat(loss.ReflogOnlyCommits), cancellationToken)
                .ConfigureAwait(false);
        }

        if (folderExists && registered is not null)
        {
            string[] remove = force ? ["worktree", "remove", "--force", "--force", "--", path] : ["worktree", "remove", "--", path];
            await RunWorktreeCommandOrThrowAsync(remove, cancellationToken).ConfigureAwait(false);
        }
        else if (registered is not null)
        {
            // Folder deleted by hand: only git's administrative entry is left; prune removes entries of missing folders only.
            await PruneAsync(cancellationToken).ConfigureAwait(false);
        }

        if (tip is null)
            return new DestroyResult(false, rescued);
        if (!force && !await _git.IsMergedIntoAsync(root, branch, baseRef, cancellationToken).ConfigureAwait(false))
            return new DestroyResult(false, rescued);
        // Compare-and-swap: deleted only if nobody committed to it since it was checked (or rescued).
        var deleted = await _git.TryRunAsync(root, ["update-ref", "-d", $"refs/heads/{branch}", tip], cancellationToken).ConfigureAwait(false);
        return new DestroyResult(deleted.Succeeded, rescued);
    }

    /// <summary>
    /// Removes one of fleet's own throwaway checkouts (a gate on a merge result) whatever state a killed run left it in: registered or
    /// half registered, folder present or not. Forcing is right here, and only here: nothing in it is anyone's work.
    /// </summary>
    public async Task RemoveScratchAsync(string path, CancellationToken cancellationToken = default)
    {
        await RunWorktreeCommandAsync(["worktree", "remove", "--force", "--force", "--", path], cancellationToken).ConfigureAwait(false);
        if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
        await PruneAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>git worktree prune</c>, which deletes the administrative entry of every worktree whose folder is gone, and with it that
    /// worktree's HEAD reflog: first, the commits only such a reflog reaches (a detached-HEAD commit in a folder deleted by hand) are
    /// kept under <c>refs/fleet/rescued/&lt;folder name&gt;/</c>. Returns the refs written.
    /// </summary>
    public async Task<IReadOnlyList<string>> PruneAsync(CancellationToken cancellationToken = default)
    {
        var rescued = new List<string>();
        var reader = new WorktreeLossReader(_git, Repository, this);
        foreach (var stale in (await ListAsync(cancellationToken).ConfigureAwait(false)).Skip(1).Where(w => !w.IsBare && !Directory.Exists(w.Path)))
        {
            var commits = await reader.ReflogOnlyCommitsAsync(stale.Path, branch: null, cancellationToken).ConfigureAwait(false);
            rescued.AddRange(await CommitRescue.KeepAsync(_git, Repository.Root, Path.GetFileName(stale.Path), commits, cancellationToken).ConfigureAwait(false));
        }

        await RunWorktreeCommandAsync(["worktree", "prune"], cancellationToken).ConfigureAwait(false);
        return rescued;
    }

    private static void DeleteSetupFiles(string worktree, IEnumerable<string> relativePaths)
    {
        foreach (var relative in relativePaths)
        {
            var full = Path.GetFullPath(relative, worktree);
            if (!full.StartsWith(worktree + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                continue; // never outside the worktree
            var info = new FileInfo(full);
            if (info.LinkTarget is not null || info.Exists)
                info.Delete(); // a symlink is removed, never followed
            else if (Directory.Exists(full))
                Directory.Delete(full, recursive: true);
        }
    }

    /// <summary><c>git worktree list --porcelain -z</c>, the main worktree first.</summary>
    public async Task<IReadOnlyList<WorktreeInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunWorktreeCommandAsync(["worktree", "list", "--porcelain", "-z"], cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? WorktreeListParser.Parse(result.StandardOutput) : throw new GitException(result);
    }

    /// <summary>
    /// A <c>git worktree</c> command that reads every registered worktree, tried again (a little apart, at random) while
    /// it only fails because another process is half way through adding one (<see cref="IsConcurrentAddRace"/>).
    /// </summary>
    private async Task<GitResult> RunWorktreeCommandAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await _git.TryRunAsync(Repository.Root, arguments, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded || attempt == RaceAttempts || !IsConcurrentAddRace(result.StandardError))
                return result;
            await RaceBackOffAsync(attempt, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunWorktreeCommandOrThrowAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await RunWorktreeCommandAsync(arguments, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            throw new GitException(result);
    }

    private const int RaceAttempts = 8;

    /// <summary>A little apart, at random and longer each time: the other process is probably adding worktrees in step with us.</summary>
    private static Task RaceBackOffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(Random.Shared.Next(5, 40) * attempt, cancellationToken);

    /// <summary>Paths with uncommitted changes in a worktree (staged, unstaged, untracked; ignored files excluded).</summary>
    public async Task<IReadOnlyList<string>> UncommittedPathsAsync(string worktree, CancellationToken cancellationToken = default)
    {
        var output = await _git.RunAsync(worktree, ["status", "--porcelain=v1", "-z", "--untracked-files=all"], cancellationToken).ConfigureAwait(false);
        var paths = new List<string>();
        var entries = output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry.Length < 4)
                continue;
            paths.Add(entry[3..]);
            if (entry[0] is 'R' or 'C')
                i++; // a rename is followed by its original path
        }

        return paths;
    }

    /// <summary>"&lt;short sha&gt; &lt;subject&gt;" of commits on <paramref name="branch"/> not in <paramref name="baseRef"/>, newest first.</summary>
    public async Task<IReadOnlyList<string>> UnmergedCommitsAsync(string branch, string baseRef, CancellationToken cancellationToken = default)
    {
        var output = await _git.RunAsync(Repository.Root, ["log", "--format=%h %s", $"{baseRef}..refs/heads/{branch}", "--"], cancellationToken)
            .ConfigureAwait(false);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);
}
