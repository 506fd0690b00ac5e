using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using FleetTui.Host.Protocol;

namespace FleetTui.Host.Server;

/// <summary>Answers clients' requests from the runtime: each request becomes a session command, a merge-queue action or a read.</summary>
internal sealed class HostRequestHandler(FleetHost host)
{
    private FleetTui.Host.Runtime.FleetRuntime Runtime => host.Runtime;

    public async Task<HostMessage> HandleAsync(HostConnection client, long id, HostRequest request)
    {
        if (client.ReadOnly && request.Changes)
            return Refuse(id, "this client is read-only (fleet attach --read-only): it changes nothing");
        try
        {
            return await DispatchAsync(client, id, request).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            host.Log.Write($"{client}: {request.GetType().Name} failed: {error}");
            return Refuse(id, $"{request.GetType().Name} failed: {error.Message}");
        }
    }

    private async Task<HostMessage> DispatchAsync(HostConnection client, long id, HostRequest request)
    {
        switch (request)
        {
            case HostRequest.RestartAgent restart:
                Runtime.RestartAgent(restart.Task, restart.Continue);
                return Ok(id, $"restarting {restart.Task}'s agent");
            case HostRequest.StopAgent stop:
                Runtime.StopAgent(stop.Task);
                return Ok(id, $"stopping {stop.Task}'s agent");
            case HostRequest.NewTask t:
                return Result(id, await Runtime.SendAsync(new SessionCommand.NewTask(t.Name, t.Branch, t.Base, t.DependsOn, t.Agent, t.Ports, t.Repos, t.RepoBases)).ConfigureAwait(false));
            case HostRequest.Services s:
                return Enum.TryParse<Runtime.ServiceAction>(s.Action, ignoreCase: true, out var action)
                    ? Result(id, await Runtime.ControlServicesAsync(s.Task, s.Service, action).ConfigureAwait(false))
                    : Result(id, CommandResult.Failed($"Unknown service action '{s.Action}' (start, stop, restart)."));
            case HostRequest.CreateTask t:
                return Result(id, await Runtime.SendAsync(new SessionCommand.CreateTask(t.Name)).ConfigureAwait(false));
            case HostRequest.DestroyTask t:
                return Result(id, await Runtime.DestroyTaskAsync(t.Name, t.Force, t.ConfirmedLoss, t.StopRunningAgent || t.ConfirmedLoss is not null).ConfigureAwait(false));
            case HostRequest.DescribeLoss t:
                return Ok(id, "", new ReplyData.Loss(await Runtime.DescribeLossAsync(t.Name).ConfigureAwait(false)));
            case HostRequest.SetPhase t:
                return Result(id, await Runtime.SendAsync(new SessionCommand.SetPhase(t.Name, t.Phase, t.Note)).ConfigureAwait(false));
            case HostRequest.MarkDone t:
                return Result(id, await Runtime.Merges.MarkDoneAsync(t.Name).ConfigureAwait(false));
            case HostRequest.AcceptScope t:
                return Result(id, await Runtime.Merges.AcceptScopeAsync(t.Name).ConfigureAwait(false));
            case HostRequest.Prune:
                return Result(id, await Runtime.SendAsync(new SessionCommand.Prune()).ConfigureAwait(false));
            case HostRequest.RefreshStatus:
                return Result(id, await Runtime.SendAsync(new SessionCommand.RefreshStatus()).ConfigureAwait(false));
            case HostRequest.ReloadConfig:
                return Result(id, await Runtime.ReloadConfigAsync().ConfigureAwait(false));
            case HostRequest.Ticket t:
                return Ok(id, "", new ReplyData.TicketText(Runtime.TicketFor(t.Name)));
            case HostRequest.ReadLog log:
                return Ok(id, "", new ReplyData.Lines(await Runtime.ReadLogAsync(log.Path, log.MaxLines).ConfigureAwait(false)));
            case HostRequest.PlanMerge:
                return Ok(id, "", new ReplyData.Plan(MergePlanView.Of(await Runtime.Merges.PlanAsync().ConfigureAwait(false), Runtime.Snapshot.BaseBranch)));
            case HostRequest.Merge merge when merge.Wait:
            {
                var report = await Runtime.Merges.MergeAsync(merge.Tasks, step => client.Send(new HostMessage.Progress(id, step.Message)))
                    .ConfigureAwait(false);
                return report is null
                    ? Refuse(id, Runtime.Merges.Activity.LastResult ?? "nothing merged")
                    : Ok(id, Runtime.Merges.Activity.LastResult ?? "", new ReplyData.Report(MergeReportView.Of(report)));
            }
            case HostRequest.Merge merge:
                _ = Runtime.Merges.MergeAsync(merge.Tasks);
                return Ok(id, "merge queued");
            case HostRequest.RunGate gate when gate.Wait:
            {
                var result = await Runtime.Merges.RunGateWithResultAsync(gate.Task).ConfigureAwait(false);
                return result is null
                    ? Refuse(id, Runtime.Merges.Activity.LastResult ?? $"{gate.Task}: the gate did not run")
                    : new HostMessage.Reply(id, result.Succeeded, Runtime.Merges.Activity.LastResult ?? result.Outcome.ToString(),
                        result.LogPath is { } log ? [log] : null);
            }
            case HostRequest.RunGate gate:
                _ = Runtime.Merges.RunGateAsync(gate.Task);
                return Ok(id, "gate queued");
            case HostRequest.Retry retry:
                return Result(id, await Runtime.Merges.RetryAsync(retry.Task).ConfigureAwait(false));
            case HostRequest.SearchPane search:
                return Ok(id, "", new ReplyData.Offset(Runtime.Search(search.Task, search.Text, search.FromOffset)));
            case HostRequest.FindLine find:
                return Ok(id, "", new ReplyData.Offset(Runtime.FindLine(find.Task, find.Text, find.FromLine, find.Newer)));
            case HostRequest.PaneLines lines:
                return Ok(id, "", new ReplyData.Lines(Runtime.PaneLines(lines.Task, lines.First, lines.Last)));
            case HostRequest.PaneText text:
                return Ok(id, "", new ReplyData.Lines([Runtime.PaneText(text.Task, text.ScrollOffset)]));
            case HostRequest.Status:
                return Ok(id, "", new ReplyData.HostState(Status()));
            case HostRequest.CurrentSnapshot:
                return Ok(id, "", new ReplyData.State(SnapshotBody.From(Runtime.Snapshot)));
            case HostRequest.Explain explain:
                return Runtime.ExplainAgent(explain.Task) is { } explanation
                    ? Ok(id, "", new ReplyData.Lines([explanation]))
                    : Refuse(id, $"{explain.Task} has no agent running in this fleet host");
            case HostRequest.Diff diff:
                return await Runtime.ReadDiffAsync(diff.Task).ConfigureAwait(false) is { } taskDiff
                    ? Ok(id, "", new ReplyData.DiffText(taskDiff))
                    : Refuse(id, $"{diff.Task} has no branch to compare with its base yet");
            case HostRequest.Review review:
                return Result(id, await Runtime.ReviewAsync(review.Task, review.Verdict, review.Comments, review.Note, review.MergeNow).ConfigureAwait(false));
            case HostRequest.Stop stop:
            {
                var running = Runtime.Terminals.Count(t => t.Terminal.IsRunning);
                if (running > 0 && !stop.Force)
                    return Refuse(id, $"{running} agent{(running == 1 ? " is" : "s are")} running; stopping the host stops {(running == 1 ? "it" : "them")} (use --force)");
                host.RequestStop($"asked by {client}");
                return Ok(id, running == 0 ? "the fleet host is stopping" : $"the fleet host is stopping its {running} agent(s) and itself");
            }
            default:
                return Refuse(id, $"unknown request {request.GetType().Name}");
        }
    }

    public HostStatus Status() => new(
        Environment.ProcessId, host.StartedAt, Runtime.Repository.Root, host.SocketPath ?? "(in-process)", host.ClientCount,
        [.. Runtime.Terminals.Select(t => new HostAgentStatus(
            t.Task, t.Terminal.ProcessId, t.Terminal.IsRunning,
            Runtime.Snapshot.FindTask(t.Task)?.Agent.Activity.ToString() ?? "unknown"))],
        ProtocolVersion.Current);

    private static HostMessage.Reply Ok(long id, string message, ReplyData? data = null) => new(id, true, message, null, data);

    private static HostMessage.Reply Refuse(long id, string message) => new(id, false, message);

    private static HostMessage.Reply Result(long id, CommandResult result) =>
        new(id, result.Succeeded, result.Message, result.Details.Count == 0 ? null : result.Details);
}
