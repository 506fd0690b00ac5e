using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Golden;

/// <summary>
/// Real programs' output (recorded by record_fixtures.py) replayed through our emulator must give the screen tmux gave
/// (captured by capture_expected.sh). Every known difference is fixed or explained here.
/// </summary>
public class GoldenTests
{
    [Theory]
    [MemberData(nameof(GoldenFixture.All), MemberType = typeof(GoldenFixture))]
    public void Replay_matches_the_screen_tmux_shows(string name)
    {
        var fixture = new GoldenFixture(name);
        var expected = fixture.ExpectedRows;
        var actual = fixture.ReplayRows();
        Compare(name, expected, actual);
    }

    internal static void Compare(string name, string[] expected, string[] actual)
    {
        var differences = new List<string>();
        for (var r = 0; r < actual.Length; r++)
        {
            var want = r < expected.Length ? expected[r] : "";
            if (SameWithDecGraphics(want, actual[r]))
                continue;
            if (KnownDifference.Find(name, r + 1) is { } known && known.Ours == actual[r])
                continue;
            differences.Add($"row {r + 1}:\n  tmux: [{want}]\n  ours: [{actual[r]}]");
        }

        differences.ShouldBeEmpty($"{name}: our screen differs from tmux's");
    }

    /// <summary>
    /// tmux's capture-pane prints DEC special graphics cells as the ASCII letters they were sent as ('q'), not the line
    /// drawing they show on screen ('─'); we store the line drawing. Such cells count as equal.
    /// </summary>
    private static bool SameWithDecGraphics(string tmux, string ours)
    {
        if (tmux == ours)
            return true;
        if (tmux.Length != ours.Length)
            return false;
        for (var i = 0; i < tmux.Length; i++)
        {
            if (tmux[i] == ours[i])
                continue;
            if (tmux[i] is < '_' or > '~')
                return false;
            if (ours[i] != DecGraphics[tmux[i] - '_'])
                return false;
        }

        return true;
    }

    private const string DecGraphics = "\u00A0◆▒␉␌␍␊°±␤␋┘┐┌└┼⎺⎻─⎼⎽├┤┴┬│≤≥π≠£·";
}
