using FleetTui.Core.Files;
using FleetTui.Core.Worktrees;

namespace FleetTui.Core.Merging;

/// <summary>
/// The merge queue's temporary checkouts (the gate run on a merge result, <c>gate_after_merge</c>). Each is recorded in
/// <c>fleet/scratch/&lt;name&gt;</c> before it is created and forgotten once removed, so that a run killed in between leaves a record
/// and the next run (under the <see cref="MergeLock"/>) removes the checkout and git's registration of it.
/// </summary>
public static class ScratchWorktrees
{
    private const string NamePrefix = "fleet-gate-";

    public static string FolderFor(string fleetDir) => Path.Combine(fleetDir, "scratch");

    /// <summary>A new checkout path for <paramref name="task"/>, recorded before anything exists there.</summary>
    public static string Reserve(string fleetDir, string task)
    {
        var name = $"{NamePrefix}{task}-{Guid.NewGuid().ToString("N")[..8]}";
        var path = Path.Combine(Path.GetTempPath(), name);
        OwnerOnly.CreateFolder(FolderFor(fleetDir));
        using (var record = OwnerOnly.Open(Path.Combine(FolderFor(fleetDir), name), FileMode.CreateNew, FileAccess.Write))
            record.Write(System.Text.Encoding.UTF8.GetBytes(path));
        return path;
    }

    /// <summary>The checkout is gone: drop its record.</summary>
    public static void Release(string fleetDir, string path) => File.Delete(Path.Combine(FolderFor(fleetDir), Path.GetFileName(path)));

    /// <summary>Removes every recorded checkout a killed run left (registered or not), then its record; returns one note per checkout.</summary>
    public static async Task<IReadOnlyList<string>> CleanAsync(WorktreeManager worktrees, CancellationToken cancellationToken = default)
    {
        var folder = FolderFor(worktrees.Repository.FleetDir);
        if (!Directory.Exists(folder))
            return [];
        var notes = new List<string>();
        foreach (var record in Directory.EnumerateFiles(folder, NamePrefix + "*"))
        {
            var path = (await File.ReadAllTextAsync(record, cancellationToken).ConfigureAwait(false)).Trim();
            if (Path.GetFileName(path) != Path.GetFileName(record))
                continue; // not a record we wrote
            await worktrees.RemoveScratchAsync(path, cancellationToken).ConfigureAwait(false);
            File.Delete(record);
            notes.Add($"removed the temporary worktree {path} an interrupted fleet merge left");
        }

        return notes;
    }
}
