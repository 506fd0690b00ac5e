namespace FleetTui.Ui.Presentation;

/// <summary>What keys mean right now.</summary>
public enum CockpitMode
{
    /// <summary>Keys go to the focused pane, except the prefix and direct jumps.</summary>
    Normal,
    /// <summary>Keys scroll the focused pane's history.</summary>
    Scroll,
    /// <summary>Typing a search in scroll mode.</summary>
    Search,
    /// <summary>A dialog or overlay has the keyboard.</summary>
    Dialog,
    /// <summary>The merge-order panel has the keyboard (its own single keys; prefix keys still work).</summary>
    MergePanel,
}
