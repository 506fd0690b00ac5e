using FleetTui.Ui.Presentation;

namespace FleetTui.Ui.Cockpit;

/// <summary>
/// A task's services as secondary panes: the focused pane cycles between its task's agent and each of its services (their
/// screens are the host's, like the agent's; keys, paste, scroll mode and copy go to whichever the pane shows).
/// </summary>
public sealed partial class FleetApp
{
    /// <summary>
    /// Restart and stop (Ctrl+G r, Ctrl+G s) act on what the focused pane shows: a service, when it shows one. False when
    /// it shows the agent (the caller acts on the agent).
    /// </summary>
    private bool ControlShownService(string action)
    {
        if (_focused >= _panes.Count || _panes[_focused] is not { Service: { } service } pane)
            return false;
        var task = pane.Task.Name;
        ShowStatusMessage($"{action} {task}'s {service}…");
        _session.ControlServiceAsync(task, service, action).ContinueWith(t => _app.Invoke(() =>
            ShowStatusMessage(t.IsCompletedSuccessfully ? t.Result.Message : $"{action} {task}'s {service} failed: {t.Exception?.GetBaseException().Message}")),
            TaskScheduler.Default);
        return true;
    }

    private void CycleServicePane()
    {
        if (_focused >= _panes.Count)
            return;
        var pane = _panes[_focused];
        var next = PaneServices.Next(_session.Snapshot.Config, pane.Task, pane.Service);
        if (next is null && pane.Service is null)
        {
            ShowStatusMessage($"{pane.Task.Name} runs no services ([services.<name>] in fleet.toml)");
            return;
        }

        // The program losing the pane hears it lost the focus, the one taking it that it has it.
        SendFocusEvent(_focused, focused: false);
        pane.ShowService(next);
        Attach(pane);
        SendFocusEvent(_focused, focused: true);
        SendView();
        RefreshChrome();
    }
}
