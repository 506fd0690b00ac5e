namespace FleetTui.Core.Review;

/// <summary>One hunk: its header (<c>@@ -a,b +c,d @@ context</c>) and its lines.</summary>
public sealed record DiffHunk(string Header, int OldStart, int NewStart, IReadOnlyList<DiffLine> Lines);
