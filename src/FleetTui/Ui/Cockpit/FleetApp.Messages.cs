using FleetTui.Ui.Keys;

namespace FleetTui.Ui.Cockpit;

/// <summary>Short-lived words in the status bar (a key not bound, a copy done, no more matches), and the prefix's timeout.</summary>
public sealed partial class FleetApp
{
    /// <summary>A prefix not followed by a key within this time is dropped, as tmux's repeat-time does.</summary>
    public static readonly TimeSpan PrefixTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long a message stays in the status bar (any key clears it sooner).</summary>
    public static readonly TimeSpan MessageTime = TimeSpan.FromSeconds(5);

    private string? _statusMessage;
    private int _messageGeneration;
    private int _prefixGeneration;

    /// <summary>What the status bar says instead of its hints right now, or null.</summary>
    public string? StatusMessage => _statusMessage;

    private void ShowStatusMessage(string message)
    {
        _statusMessage = message;
        var generation = ++_messageGeneration;
        _app.AddTimeout(MessageTime, () =>
        {
            if (generation == _messageGeneration)
                ClearStatusMessage();
            return false;
        });
        RefreshChrome();
    }

    private void ClearStatusMessage()
    {
        if (_statusMessage is null)
            return;
        _statusMessage = null;
        _messageGeneration++;
        RefreshChrome();
    }

    private void SayUnbound(KeySequence sequence)
    {
        var help = _dispatcher.Keymap.FirstKeyText(UiCommand.Help);
        ShowStatusMessage($"{sequence}: not bound{(help is null ? "" : $" ({help} for help)")}");
    }

    /// <summary>Drops a pending prefix that no key completed in time; the status bar stops saying PREFIX.</summary>
    private void ArmPrefixTimeout()
    {
        var generation = ++_prefixGeneration;
        _app.AddTimeout(PrefixTimeout, () =>
        {
            if (generation == _prefixGeneration && _dispatcher.IsAwaitingNextKey)
            {
                _dispatcher.Reset();
                RefreshChrome();
            }
            return false;
        });
    }
}
