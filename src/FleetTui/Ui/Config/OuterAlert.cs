namespace FleetTui.Ui.Config;

/// <summary>What the cockpit may send the terminal it runs in when a task needs attention (works over SSH).</summary>
public enum OuterAlert
{
    /// <summary>BEL: most terminals flash, beep or mark the tab.</summary>
    Bell,
    /// <summary>OSC 9 notification (iTerm2, WezTerm, Windows Terminal, kitty, foot, Ghostty…).</summary>
    Osc9,
    /// <summary>OSC 777 notify (urxvt, VTE-based terminals, WezTerm).</summary>
    Osc777,
}
