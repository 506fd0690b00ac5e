namespace FleetTui.Ui.Layouts;

/// <summary>How the panes share the space left by the side panels.</summary>
public enum LayoutKind
{
    /// <summary>All panes in an even grid.</summary>
    Tiled,
    /// <summary>The focused pane large on the left, the others stacked on the right.</summary>
    MainStack,
    /// <summary>Only the focused pane, using all the pane area.</summary>
    Zoom,
}
