using FleetTui.Core.Session;
using FleetTui.Host.Agents;
using FleetTui.Ui.Config;
using FleetTui.Ui.Keys;
using FleetTui.Ui.Presentation;
using FleetTui.Ui.Views;
using GuiKey = Terminal.Gui.Input.Key;

namespace FleetTui.Ui.Cockpit;

/// <summary>The agents' side of the cockpit: attention (jump, outer-terminal alerts), lifecycle keys and the ticket view.</summary>
public sealed partial class FleetApp
{
    private SessionSnapshot? _alertedSnapshot;

    /// <summary>What to send the outer terminal when a task needs attention (<c>[notify]</c> in the user config).</summary>
    public NotifySettings Notify { get; init; } = NotifySettings.Default;

    private void RunAgentCommand(UiCommand command)
    {
        var task = _focused < _panes.Count ? _panes[_focused].Task.Name : null;
        switch (command)
        {
            case UiCommand.NextAttention:
                if (AttentionPresenter.Next(_session.Snapshot, _focused) is var next and >= 0)
                    Focus(next);
                break;
            case UiCommand.RestartAgentContinue when task is not null:
                _session.RestartAgent(task, continueSession: true);
                break;
            case UiCommand.StopAgent when task is not null:
                if (!ControlShownService("stop"))
                    _session.StopAgent(task);
                break;
            case UiCommand.MarkFocusedTaskDone when task is not null:
                _ = _session.MarkDoneAsync(task);
                break;
            case UiCommand.ShowTicket when task is not null:
                ShowTicket(task);
                break;
            case UiCommand.ExplainAgent when task is not null:
                ExplainAgent(task);
                break;
        }
    }

    /// <summary>Asks the host why the agent is in its state (the host watches the agent) and shows the answer when it comes.</summary>
    private void ExplainAgent(string task) => _session.ExplainAsync(task).ContinueWith(t => _app.Invoke(() =>
    {
        if (_overlayKeys is not null)
            return;
        var text = t.IsCompletedSuccessfully ? t.Result : $"Cannot explain {task}: {t.Exception?.GetBaseException().Message}";
        ShowScrollableOverlay(width => [StyledLine.Of($" Why {task} is in its state", TextRole.Accent), .. TicketPresenter.Wrap(text, width).Select(l => StyledLine.Of(l)), StyledLine.Of("  any other key closes", TextRole.Muted)]);
    }), TaskScheduler.Default);


    /// <summary>Asks the host for the ticket (it reads files; the UI thread never does) and shows it when it comes.</summary>
    private void ShowTicket(string task) => _session.TicketForAsync(task).ContinueWith(t => _app.Invoke(() =>
    {
        if (_overlayKeys is not null)
            return; // another dialog took the screen meanwhile
        ShowTicket(task, t.IsCompletedSuccessfully ? t.Result : null);
    }), TaskScheduler.Default);

    private void ShowTicket(string task, TaskTicket? ticket)
    {
        var offset = 0;
        IReadOnlyList<StyledLine> Render()
        {
            var screen = _app.Screen;
            return TicketPresenter.Lines(task, ticket, Math.Max(10, screen.Width - 8), Math.Max(5, screen.Height - 3), ref offset);
        }
        ShowOverlay(Render(), key =>
        {
            var page = Math.Max(1, _app.Screen.Height - 8);
            if (ScrolledLines.ScrollTarget(GuiKeyTranslator.ToChord(key)?.Key, offset, page) is not { } next)
            {
                CloseOverlay();
                return true;
            }
            offset = next;
            if (ticket is null)
            {
                CloseOverlay();
                return true;
            }
            _overlay.Lines = Render();
            PlaceOverlay();
            return true;
        });
    }

    /// <summary>Called with each new snapshot on the UI thread: alerts the outer terminal about tasks that just started needing attention.</summary>
    private void AlertArrivals(SessionSnapshot snapshot)
    {
        var before = _alertedSnapshot ?? snapshot;
        _alertedSnapshot = snapshot;
        foreach (var arrival in AttentionPresenter.Arrivals(before, snapshot))
        {
            foreach (var alert in Notify.For(arrival.Kind))
                _writeToOuterTerminal(OuterTerminal.AlertSequence(alert, arrival.Message));
        }
    }
}
