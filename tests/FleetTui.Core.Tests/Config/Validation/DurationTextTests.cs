using FleetTui.Core.Config.Validation;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config.Validation;

public class DurationTextTests
{
    [Theory]
    [InlineData("90s", 90_000)]
    [InlineData("10m", 600_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("500ms", 500)]
    [InlineData("1m30s", 90_000)]
    public void Reads_durations_as_people_write_them(string text, long milliseconds)
    {
        DurationText.TryParse(text, out var duration).ShouldBeTrue();
        duration.ShouldBe(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("0m")]
    [InlineData("1 m")]
    [InlineData("1d")]
    [InlineData("m")]
    public void Rejects_anything_else(string text) => DurationText.TryParse(text, out _).ShouldBeFalse();
}
