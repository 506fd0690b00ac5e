using FleetTui.Core.Session;
using FleetTui.Host.Protocol;
using FleetTui.Host.Remote;

namespace FleetTui.Ui.Cockpit.Hosts;

/// <summary>
/// The new-task form's request on a multi-host cockpit, checked and turned into what the task's host is sent: the host
/// typed in the form, else the one fleet.toml declares the task on; a task declared here goes out as declared
/// (<see cref="RemoteTaskDeclaration"/>, this machine's base pushed first for one with dependencies), the form's values
/// taking precedence. Every refusal names the fix and creates nothing anywhere.
/// </summary>
public sealed class RemoteTaskCreation(RemoteBasePusher? pusher)
{
    /// <summary>The host to send the task to (null: this machine's), or the refusal.</summary>
    public static (string? Host, string? Refusal) HostFor(NewTaskRequest request, SessionSnapshot local, IReadOnlyCollection<string> hosts)
    {
        var declared = local.Config.FindTask(request.Name);
        if (request.Host is { } typed && declared is not null && declared.Host != typed)
        {
            var where = declared.Host is null ? "this machine" : $"host '{declared.Host}'";
            return (null, $"task '{request.Name}' is declared in fleet.toml (line {declared.Position.Line}) on {where}, not on '{typed}': " +
                "change its host there, or leave Host empty");
        }
        if ((request.Host ?? declared?.Host) is not { } host)
            return (null, null);
        if (!hosts.Contains(host))
        {
            var known = hosts.Count == 0 ? "none" : string.Join(", ", hosts.Order(StringComparer.Ordinal));
            return (null, $"no host '{host}': fleet.toml's [hosts.<name>] tables declare {known}");
        }
        return (host, null);
    }

    /// <summary>What the host is sent; faults with <see cref="RemoteHostException"/> when this machine's base could not be given to it.</summary>
    public async Task<HostRequest.NewTask> RequestForAsync(NewTaskRequest request, SessionSnapshot local, CancellationToken cancellationToken)
    {
        var asDeclared = local.Config.FindTask(request.Name) is { } declared
            ? pusher is null
                ? RemoteTaskDeclaration.Of(declared, local.Config)
                : await RemoteTaskDeclaration.PrepareAsync(declared, local.Config, local.RepoRoot, local.BaseBranch, pusher, cancellationToken).ConfigureAwait(false)
            : null;
        return new HostRequest.NewTask(
            request.Name, asDeclared?.Branch, request.Base ?? asDeclared?.Base,
            request.DependsOn, request.Agent ?? asDeclared?.Agent, asDeclared?.Ports);
    }
}
