using FleetTui.Ui.Keys;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Keys;

public class KeyChordTests
{
    [Theory]
    [InlineData("ctrl+g", "g", true, false, false)]
    [InlineData("Ctrl+G", "g", true, false, false)]
    [InlineData("alt+1", "1", false, true, false)]
    [InlineData("shift+tab", "tab", false, false, true)]
    [InlineData("?", "?", false, false, false)]
    [InlineData("Z", "Z", false, false, false)]
    [InlineData("ctrl+alt+left", "left", true, true, false)]
    [InlineData("ctrl++", "+", true, false, false)]
    public void Parses_keys_as_written_in_config(string text, string key, bool ctrl, bool alt, bool shift) =>
        KeyChord.Parse(text).ShouldBe(new KeyChord(key, ctrl, alt, shift));

    [Theory]
    [InlineData("hyper+g", "unknown modifier 'hyper'")]
    [InlineData("ctrl+foo", "unknown key 'foo'")]
    [InlineData("", "empty key")]
    public void Explains_what_is_wrong_with_a_bad_key(string text, string reason)
    {
        KeyChord.TryParse(text, out var error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void Shows_keys_the_way_people_write_them()
    {
        new KeyChord("g", Ctrl: true).ToString().ShouldBe("Ctrl+G");
        new KeyChord("?").ToString().ShouldBe("?");
        new KeyChord("left", Alt: true).ToString().ShouldBe("Alt+Left");
    }
}
