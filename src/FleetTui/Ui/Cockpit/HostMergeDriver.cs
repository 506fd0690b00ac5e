using FleetTui.Core.Session;
using FleetTui.Host.Client;
using FleetTui.Host.Merging;
using FleetTui.Host.Protocol;

namespace FleetTui.Ui.Cockpit;

/// <summary>The merge queue as the cockpit drives it over the host connection: actions are requests, activity comes back from the host.</summary>
public sealed class HostMergeDriver(HostClient client) : IMergeDriver
{
    public MergeActivity Activity => client.Activity;

    public event Action? ActivityChanged
    {
        add => client.ActivityChanged += value;
        remove => client.ActivityChanged -= value;
    }

    public Task MergeAsync(IReadOnlyList<string>? tasks) => SendAsync(new HostRequest.Merge(tasks, Wait: false));

    public Task RunGateAsync(string task) => SendAsync(new HostRequest.RunGate(task, Wait: false));

    public Task<CommandResult> RetryAsync(string task) => SendAsync(new HostRequest.Retry(task));

    public Task<CommandResult> MarkDoneAsync(string task) => SendAsync(new HostRequest.MarkDone(task));

    public Task<CommandResult> AcceptScopeAsync(string task) => SendAsync(new HostRequest.AcceptScope(task));

    public async Task<IReadOnlyList<string>> ReadLogAsync(string path, int maxLines)
    {
        try
        {
            var reply = await client.RequestAsync(new HostRequest.ReadLog(path, maxLines)).ConfigureAwait(false);
            return reply.Data is ReplyData.Lines { Items: var lines } ? lines : [reply.Message];
        }
        catch (HostConnectionLostException error)
        {
            return [error.Message];
        }
    }

    private async Task<CommandResult> SendAsync(HostRequest request)
    {
        try
        {
            var reply = await client.RequestAsync(request).ConfigureAwait(false);
            return reply.Ok ? CommandResult.Ok(reply.Message, reply.Details) : CommandResult.Failed(reply.Message, reply.Details);
        }
        catch (HostConnectionLostException error)
        {
            return CommandResult.Failed(error.Message); // the cockpit is leaving: it says so itself
        }
    }
}
