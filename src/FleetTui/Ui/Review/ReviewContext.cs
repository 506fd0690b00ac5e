namespace FleetTui.Ui.Review;

/// <summary>What the review view shows beside the diff: the gate's result, files outside the task's scope, predicted conflicts.</summary>
public sealed record ReviewContext(string Gate, string? GateLog, IReadOnlyList<string> OutOfScope, IReadOnlyList<string> Conflicts);
