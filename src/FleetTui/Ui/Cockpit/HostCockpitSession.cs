using FleetTui.Core.Session;
using FleetTui.Host.Agents;
using FleetTui.Host.Client;
using FleetTui.Host.Merging;
using FleetTui.Host.Protocol;
using FleetTui.Host.Protocol.Screens;
using FleetTui.Terminal.Input;

namespace FleetTui.Ui.Cockpit;

/// <summary>The cockpit's session over a connection to the fleet host (a Unix socket, or an in-process pipe).</summary>
public sealed class HostCockpitSession : ICockpitSession
{
    private readonly HostClient _client;
    private readonly HostMergeDriver _merges;

    public HostCockpitSession(HostClient client, bool readOnly)
    {
        _client = client;
        ReadOnly = readOnly;
        _merges = new HostMergeDriver(client);
        _client.Closed.ContinueWith(t => Disconnected?.Invoke(t.Result), TaskScheduler.Default);
    }

    public HostClient Client => _client;

    public SessionSnapshot Snapshot => _client.Snapshot;

    public event Action? SnapshotChanged
    {
        add => _client.SnapshotChanged += value;
        remove => _client.SnapshotChanged -= value;
    }

    public event Action<string>? ScreensChanged
    {
        add => _client.MirrorsChanged += value;
        remove => _client.MirrorsChanged -= value;
    }

    public event Action<string>? Disconnected;

    public bool ReadOnly { get; }

    public PaneMirror? ScreenFor(string task) => _client.MirrorFor(task);

    public void SetView(IReadOnlyList<PaneViewSpec> panes, string? focused) => _client.Post(new ClientMessage.View(panes, focused));

    public void SendKey(string task, KeyInput key) => _client.Post(ClientMessage.KeyPress.Of(task, key));

    public void Paste(string task, string text) => _client.Post(new ClientMessage.Paste(task, text));

    public void SendMouse(string task, MouseEvent mouse) => _client.Post(ClientMessage.MouseInput.Of(task, mouse));

    public void SendFocus(string task, bool focused) => _client.Post(new ClientMessage.FocusChange(task, focused));

    public async Task<int?> SearchAsync(string task, string text, int fromOffset) =>
        (await RequestAsync(new HostRequest.SearchPane(task, text, fromOffset)).ConfigureAwait(false)).Data is ReplyData.Offset { Value: var offset } ? offset : null;

    public async Task<int?> FindLineAsync(string task, string text, int fromLine, bool newer) =>
        (await RequestAsync(new HostRequest.FindLine(task, text, fromLine, newer)).ConfigureAwait(false)).Data is ReplyData.Offset { Value: var line } ? line : null;

    public async Task<IReadOnlyList<string>> PaneLinesAsync(string task, int first, int last) =>
        (await RequestAsync(new HostRequest.PaneLines(task, first, last)).ConfigureAwait(false)).Data is ReplyData.Lines { Items: var lines } ? lines : [];

    public async Task<string> PaneTextAsync(string task, int offset) =>
        (await RequestAsync(new HostRequest.PaneText(task, offset)).ConfigureAwait(false)).Data is ReplyData.Lines { Items: [var text] } ? text : "";

    public void RestartAgent(string task, bool continueSession) => _ = RequestAsync(new HostRequest.RestartAgent(task, continueSession));

    public void StopAgent(string task) => _ = RequestAsync(new HostRequest.StopAgent(task));

    public Task MarkDoneAsync(string task) => RequestAsync(new HostRequest.MarkDone(task));

    public async Task<TaskTicket?> TicketForAsync(string task) =>
        (await RequestAsync(new HostRequest.Ticket(task)).ConfigureAwait(false)).Data is ReplyData.TicketText { Ticket: var ticket } ? ticket : null;

    public async Task<Core.Worktrees.WorktreeLoss> DescribeLossAsync(string task)
    {
        var reply = await RequestAsync(new HostRequest.DescribeLoss(task)).ConfigureAwait(false);
        return reply.Ok && reply.Data is ReplyData.Loss { What: var loss } ? loss : throw new InvalidOperationException(reply.Message);
    }

    public async Task<CommandResult> ControlServiceAsync(string task, string service, string action) =>
        ToResult(await RequestAsync(new HostRequest.Services(task, service, action)).ConfigureAwait(false));

    public async Task<CommandResult> DestroyTaskAsync(string task, Core.Worktrees.WorktreeLoss confirmedLoss) =>
        ToResult(await RequestAsync(new HostRequest.DestroyTask(task, Force: false, confirmedLoss)).ConfigureAwait(false));

    public Task<CommandResult> CreateTaskAsync(NewTaskRequest request) =>
        NewTaskAsync(new HostRequest.NewTask(request.Name, Base: request.Base, DependsOn: request.DependsOn, Agent: request.Agent));

    /// <summary>Creates the worktree of a task the host's fleet.toml declares (pending until now).</summary>
    public async Task<CommandResult> CreateDeclaredTaskAsync(string task) =>
        ToResult(await RequestAsync(new HostRequest.CreateTask(task)).ConfigureAwait(false));

    /// <summary>A new task exactly as asked (a remote host is sent what fleet.toml here declares of it).</summary>
    public async Task<CommandResult> NewTaskAsync(HostRequest.NewTask request) => ToResult(await RequestAsync(request).ConfigureAwait(false));

    public async Task<string> ExplainAsync(string task)
    {
        var reply = await RequestAsync(new HostRequest.Explain(task)).ConfigureAwait(false);
        return reply.Ok && reply.Data is ReplyData.Lines { Items: [var text] } ? text : throw new InvalidOperationException(reply.Message);
    }

    public async Task<Core.Review.TaskDiffText?> ReadDiffAsync(string task) =>
        (await RequestAsync(new HostRequest.Diff(task)).ConfigureAwait(false)).Data is ReplyData.DiffText { Diff: var diff } ? diff : null;

    public async Task<CommandResult> ReviewAsync(string task, Core.Review.ReviewVerdict verdict, IReadOnlyList<Core.Review.ReviewComment> comments, string? note, bool mergeNow) =>
        ToResult(await RequestAsync(new HostRequest.Review(task, verdict, comments, note, mergeNow)).ConfigureAwait(false));

    /// <summary>Completes once the host stopped its agents and closed the connection (or refused, or took too long).</summary>
    public async Task<CommandResult> StopHostAsync()
    {
        var reply = await RequestAsync(new HostRequest.Stop(Force: true)).ConfigureAwait(false);
        if (reply.Ok && await Task.WhenAny(_client.Closed, Task.Delay(TimeSpan.FromSeconds(30))).ConfigureAwait(false) != _client.Closed)
            return CommandResult.Failed("the fleet host is still stopping its agents; `fleet host status` tells when it is gone");
        return ToResult(reply);
    }

    public IMergeDriver Merges => _merges;

    /// <summary>A lost connection answers like a refusal: the caller shows the message instead of faulting.</summary>
    private async Task<HostMessage.Reply> RequestAsync(HostRequest request)
    {
        try
        {
            return await _client.RequestAsync(request).ConfigureAwait(false);
        }
        catch (HostConnectionLostException error)
        {
            return new HostMessage.Reply(0, false, error.Message);
        }
    }

    private static CommandResult ToResult(HostMessage.Reply reply) =>
        reply.Ok ? CommandResult.Ok(reply.Message, reply.Details) : CommandResult.Failed(reply.Message, reply.Details);

    public void Dispose() => _client.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(3));
}
