using System.Text;

namespace FleetTui.Ui.Cockpit;

/// <summary>
/// Escape sequences for the terminal the cockpit itself runs in. OSC 52 puts text on the user's clipboard, which
/// works over SSH because the terminal emulator on the user's machine does it.
/// </summary>
public static class OuterTerminal
{
    public static string CopySequence(string text) => $"\e]52;c;{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}\a";
}
