namespace FleetTui.Core.Session;

/// <summary>The record this machine keeps of a remote task merged into its base (<see cref="SessionCommand.RecordRemoteMerged"/>).</summary>
public sealed partial class FleetSession
{
    private CommandResult RecordRemoteMerged(SessionCommand.RecordRemoteMerged command)
    {
        var definition = _config.FindTask(command.Name);
        if (definition is null || definition.Host != command.Host)
            return CommandResult.Failed($"fleet.toml declares no task '{command.Name}' on host '{command.Host}'; nothing recorded.");
        var existing = _state.Find(command.Name);
        if (existing is { Phase: TaskPhase.Merged })
            return CommandResult.Ok($"Task '{command.Name}' was already recorded as merged.");
        if (existing is not null && existing.Host is null)
            return CommandResult.Failed($"Task '{command.Name}' has a worktree here ({existing.Phase}), yet fleet.toml puts it on host '{command.Host}'; nothing recorded.");
        var before = existing?.Phase ?? (UnmergedDependencies(definition).Count > 0 ? TaskPhase.Blocked : TaskPhase.Pending);
        Persist(state => state.WithTask(new TaskState
        {
            Name = command.Name,
            Branch = definition.Branch,
            Base = _baseBranch,
            DependsOn = definition.DependsOn,
            Phase = TaskPhase.Merged,
            // Where it would live here: a path of ours that never exists, so nothing local (prune, recovery) acts on it.
            Worktree = TaskLayout.WorktreePathFor(_config, _repository, definition.Name, definition.Branch),
            Host = command.Host,
            Note = command.Note,
            CreatedAt = DateTimeOffset.UtcNow,
        }));
        Publish(v => new SessionEvent.PhaseChanged(v, command.Name, before, TaskPhase.Merged, command.Note));
        return CommandResult.Ok($"Task '{command.Name}' (host '{command.Host}') recorded as merged here.");
    }
}
