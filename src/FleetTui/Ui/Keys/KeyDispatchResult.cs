namespace FleetTui.Ui.Keys;

/// <summary>What the dispatcher decided about one key.</summary>
public abstract record KeyDispatchResult
{
    private KeyDispatchResult() { }

    /// <summary>Not ours: the key goes to the focused pane.</summary>
    public sealed record PassThrough : KeyDispatchResult;

    /// <summary>A prefix: swallowed, the next key completes it.</summary>
    public sealed record AwaitingNextKey : KeyDispatchResult;

    public sealed record Run(UiCommand Command) : KeyDispatchResult;

    /// <summary>A prefix followed by a key bound to nothing: swallowed (typing it into the pane would surprise).</summary>
    public sealed record Unbound(KeySequence Sequence) : KeyDispatchResult;

    public static readonly KeyDispatchResult Pass = new PassThrough();
    public static readonly KeyDispatchResult Awaiting = new AwaitingNextKey();
}
