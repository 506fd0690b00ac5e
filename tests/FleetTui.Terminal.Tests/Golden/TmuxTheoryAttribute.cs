using Xunit;

namespace FleetTui.Terminal.Tests.Golden;

/// <summary>A theory that is skipped (with the reason shown) when tmux is not installed. CI installs tmux.</summary>
public sealed class TmuxTheoryAttribute : TheoryAttribute
{
    public TmuxTheoryAttribute()
    {
        if (!TmuxPane.IsInstalled)
            Skip = "tmux is not installed";
    }
}
