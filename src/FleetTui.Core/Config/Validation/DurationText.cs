using System.Globalization;
using System.Text.RegularExpressions;

namespace FleetTui.Core.Config.Validation;

/// <summary>Durations as people write them: <c>90s</c>, <c>10m</c>, <c>1h30m</c>, <c>500ms</c>.</summary>
public static partial class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (!Whole().IsMatch(text))
            return false;
        foreach (Match part in Part().Matches(text))
        {
            var amount = long.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            duration += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromHours(amount),
            };
        }

        return duration > TimeSpan.Zero;
    }

    [GeneratedRegex(@"^(?:[0-9]{1,6}(?:ms|s|m|h))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"([0-9]{1,6})(ms|s|m|h)")]
    private static partial Regex Part();
}
