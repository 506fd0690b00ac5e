using FleetTui.Core.Session;
using FleetTui.Ui.Views;
using GuiKey = Terminal.Gui.Input.Key;

namespace FleetTui.Ui.Merging;

/// <summary>What the merge-order panel's controller needs from the cockpit around it (the cockpit implements it).</summary>
public interface IMergePanelHost
{
    SessionSnapshot Snapshot { get; }

    /// <summary>The key that restarts the focused task's agent (for hints), or null when unbound.</summary>
    string? RestartAgentKey { get; }

    /// <summary>Rows of the screen (a log overlay shows as much as fits).</summary>
    int ScreenHeight { get; }

    /// <summary>Shows a centred overlay that gets every key until it closes itself with <see cref="CloseOverlay"/>.</summary>
    void ShowOverlay(IReadOnlyList<StyledLine> lines, Func<GuiKey, bool> keys);

    void CloseOverlay();

    /// <summary>Focuses the task's pane (keys go to its agent once the panel lets go of the keyboard).</summary>
    void FocusTask(string task);

    /// <summary>Opens the review view of the task's diff.</summary>
    void ReviewTask(string task);

    /// <summary>The destroy confirmation: what would be lost, then y to drop the task.</summary>
    void ConfirmDestroy(string task);

    /// <summary>Runs on the UI thread (from a background continuation).</summary>
    void Post(Action action);

    /// <summary>Redraws the chrome (panel, sidebar, status bar).</summary>
    void Refresh();
}
