using FleetTui.Core.Agents;

namespace FleetTui.Host.Agents;

/// <summary>
/// Watches the fleet's signal folder (<see cref="AgentSignalFiles.Folder"/>, under the common git dir, shared by every
/// worktree) with inotify and hands each task's new hook signals to <c>onSignals</c>. Signals already in a file when
/// the watch starts belong to an earlier run and are skipped. No polling: the kernel wakes us on a write.
/// </summary>
public sealed class AgentSignalWatcher : IDisposable
{
    private readonly string _commonGitDir;
    private readonly Action<string, IReadOnlyList<AgentSignal>> _onSignals;
    private readonly Dictionary<string, AgentSignalInbox> _inboxes = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly FileSystemWatcher _watcher;

    /// <param name="onSignals">Called on a watcher thread with a task name and its new signals, oldest first.</param>
    public AgentSignalWatcher(string commonGitDir, Action<string, IReadOnlyList<AgentSignal>> onSignals)
    {
        _commonGitDir = commonGitDir;
        _onSignals = onSignals;
        var folder = AgentSignalFiles.Folder(commonGitDir);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(folder, "*.jsonl"))
            InboxFor(Path.GetFileNameWithoutExtension(file)).PollSignals(); // an earlier run's signals: read past them
        _watcher = new FileSystemWatcher(folder, "*.jsonl")
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += OnFileEvent;
        _watcher.Created += OnFileEvent;
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Reads a task's file now (a missed or merged inotify event costs nothing then).</summary>
    public void Poll(string task)
    {
        // Under the lock, so two events for one file never hand over its signals out of order.
        lock (_lock)
        {
            var signals = InboxFor(task).PollSignals();
            if (signals.Count > 0)
                _onSignals(task, signals);
        }
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e)
    {
        if (e.Name is { } name)
            Poll(Path.GetFileNameWithoutExtension(name));
    }

    private AgentSignalInbox InboxFor(string task)
    {
        if (!_inboxes.TryGetValue(task, out var inbox))
            _inboxes[task] = inbox = AgentSignalInbox.ForTask(_commonGitDir, task);
        return inbox;
    }

    public void Dispose() => _watcher.Dispose();
}
