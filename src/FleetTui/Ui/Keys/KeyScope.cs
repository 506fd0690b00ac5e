namespace FleetTui.Ui.Keys;

/// <summary>
/// Where a binding applies. Global bindings are live everywhere (so they are prefix sequences or chords no program needs);
/// a panel's bindings are single keys that only mean something while that panel has the keyboard, as in lazygit.
/// </summary>
public enum KeyScope
{
    Global,
    /// <summary>The merge-order panel has the keyboard.</summary>
    MergePanel,
}
