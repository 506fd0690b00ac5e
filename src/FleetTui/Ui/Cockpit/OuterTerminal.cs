using System.Text;

namespace FleetTui.Ui.Cockpit;

/// <summary>
/// Escape sequences for the terminal the cockpit itself runs in. OSC 52 puts text on the user's clipboard, which
/// works over SSH because the terminal emulator on the user's machine does it.
/// </summary>
public static class OuterTerminal
{
    public static string CopySequence(string text) => $"\e]52;c;{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}\a";

    /// <summary>An alert for the user: the bell, or a desktop notification (OSC 9 / OSC 777) saying <paramref name="message"/>.</summary>
    public static string AlertSequence(Config.OuterAlert alert, string message)
    {
        // Control characters would end (or escape from) the OSC string.
        var clean = new string(message.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Replace(";", ",", StringComparison.Ordinal);
        return alert switch
        {
            Config.OuterAlert.Bell => "\a",
            Config.OuterAlert.Osc9 => $"\e]9;{clean}\a",
            _ => $"\e]777;notify;fleet;{clean}\a",
        };
    }
}
