using FleetTui.Ui.Presentation;

namespace FleetTui.Ui.Cockpit;

/// <summary>Remote hosts in the cockpit: their pane titles while a host is not connected, and the clock that counts down to a reconnect.</summary>
public sealed partial class FleetApp
{
    private object? _hostLinkTimer;

    /// <summary>With remote hosts: a one-second tick while one of them is not connected, so that "reconnecting 3s" counts down.</summary>
    private void StartHostLinkClock()
    {
        if (_session.RemoteHosts.Count == 0)
            return;
        _hostLinkTimer = _app.AddTimeout(TimeSpan.FromSeconds(1), () =>
        {
            if (_session.RemoteHosts.Any(h => !h.Status.IsConnected))
                RefreshChrome();
            return true;
        });
    }

    private void StopHostLinkClock()
    {
        if (_hostLinkTimer is not null)
            _app.RemoveTimeout(_hostLinkTimer);
    }

    /// <summary>Each remote task's pane says so in its title while its host is not connected; its last screen stays below.</summary>
    private void ShowHostLinks(DateTimeOffset now)
    {
        var hosts = _session.RemoteHosts;
        if (hosts.Count == 0)
            return;
        var notes = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var host in hosts)
        {
            var note = HostGroupPresenter.PaneNote(host, now);
            foreach (var task in host.Tasks)
                notes[task] = note;
        }
        foreach (var pane in _panes)
            pane.LinkNote = notes.GetValueOrDefault(pane.Task.Name);
    }
}
