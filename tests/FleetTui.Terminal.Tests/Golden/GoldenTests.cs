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
        for (var r = 0; r < GoldenFixture.Rows; r++)
        {
            var want = r < expected.Length ? expected[r] : "";
            if (want != actual[r])
                differences.Add($"row {r + 1}:\n  tmux: [{want}]\n  ours: [{actual[r]}]");
        }

        differences.ShouldBeEmpty($"{name}: our screen differs from tmux's");
    }
}
