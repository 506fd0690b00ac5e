using FleetTui.Core.Config;
using FleetTui.Core.Tests.Support;
using FleetTui.Ui.Themes;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Themes;

public class ThemeLoaderTests
{
    private static string RepoThemesDirectory() => Path.Combine(RepositoryRoot.Path, "themes");

    [Fact]
    public void Ships_default_light_and_high_contrast() =>
        new[] { "default", "light", "high-contrast" }.ShouldAllBe(name => ThemeLoader.BuiltInNames.Contains(name));

    [Fact]
    public void Every_shipped_theme_loads_with_sixteen_ansi_colors()
    {
        foreach (var name in ThemeLoader.BuiltInNames)
        {
            var theme = ThemeLoader.Resolve(name, null, noColor: false);
            theme.Name.ShouldBe(name);
            theme.Ansi.Count.ShouldBe(16);
        }
    }

    [Fact]
    public void Every_theme_file_in_the_repository_is_embedded() =>
        Directory.GetFiles(RepoThemesDirectory(), "*.toml").Select(Path.GetFileNameWithoutExtension).Order()
            .ShouldBe(ThemeLoader.BuiltInNames);

    [Fact]
    public void No_color_keeps_the_palette_but_makes_the_chrome_monochrome()
    {
        var theme = ThemeLoader.Resolve("light", null, noColor: true);

        theme.MonochromeChrome.ShouldBeTrue();
        theme.Ansi[1].ShouldBe(new RgbColor(0xcf, 0x22, 0x2e));
    }

    [Fact]
    public void Prefers_a_user_theme_of_the_same_name_and_accepts_a_path()
    {
        var directory = Directory.CreateTempSubdirectory("fleet-themes-");
        try
        {
            var text = ThemeLoader.BuiltInText("default")!.Replace("#1c1f26", "#010203");
            File.WriteAllText(Path.Combine(directory.FullName, "mine.toml"), text);

            ThemeLoader.Resolve("mine", directory.FullName, false).Chrome.Background.ShouldBe(new RgbColor(1, 2, 3));
            ThemeLoader.Resolve(Path.Combine(directory.FullName, "mine.toml"), null, false).Name.ShouldBe("mine");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Names_the_built_in_themes_when_the_name_is_unknown() =>
        Should.Throw<ArgumentException>(() => ThemeLoader.Resolve("solarised", null, false)).Message.ShouldContain("high-contrast");

    [Theory]
    [InlineData("[chrome]\naccent = \"blue\"", "t.toml:2:10: 'accent' = \"blue\" is not a color")]
    [InlineData("[chrome]\naccnet = \"#000000\"", "t.toml:2:1: unknown chrome color 'accnet'")]
    [InlineData("[ansi]\norange = \"#000000\"", "t.toml:2:1: unknown ANSI color 'orange'")]
    [InlineData("[window]\nx = \"#000000\"", "t.toml:2:1: unknown table [window]")]
    [InlineData("name = \"x\"", "theme is missing chrome.background")]
    public void Rejects_a_bad_theme_with_file_line_and_column(string text, string expected) =>
        Should.Throw<ConfigException>(() => ThemeLoader.Parse(text, "t", "t.toml")).Message.ShouldContain(expected);

    [Fact]
    public void Parses_hex_colors_only()
    {
        RgbColor.TryParse("#0a0B0c", out var color).ShouldBeTrue();
        color.ShouldBe(new RgbColor(10, 11, 12));
        RgbColor.TryParse("0a0b0c", out _).ShouldBeFalse();
        RgbColor.TryParse("#0a0b0", out _).ShouldBeFalse();
    }
}
