namespace FleetTui.Ui.Layouts;

/// <summary>Everything the layout depends on: nothing else (no view state), so the arithmetic is testable alone.</summary>
public sealed record LayoutRequest(
    int ScreenWidth,
    int ScreenHeight,
    int PaneCount,
    int FocusedIndex,
    LayoutKind Kind,
    bool SidebarVisible = true,
    int SidebarWidth = 32,
    bool MergePanelVisible = false,
    int MergePanelWidth = 40,
    int StatusBarHeight = 1)
{
    /// <summary>Below this the side panels are dropped so the panes stay usable.</summary>
    public const int MinimumPaneAreaWidth = 20;
}
