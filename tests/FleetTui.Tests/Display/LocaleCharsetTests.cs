using FleetTui.Display;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Display;

public class LocaleCharsetTests
{
    private static LocaleCharset Detect(string? lcAll = null, string? lcCtype = null, string? lang = null) =>
        LocaleCharset.Detect(name => name switch { "LC_ALL" => lcAll, "LC_CTYPE" => lcCtype, "LANG" => lang, _ => null });

    [Theory]
    [InlineData("en_US.UTF-8", true)]
    [InlineData("C.utf8", true)]
    [InlineData("de_DE.utf-8@euro", true)]
    [InlineData("C", false)]
    [InlineData("POSIX", false)]
    [InlineData("en_US.ISO-8859-1", false)]
    [InlineData("UTF-8", false)]
    public void A_locale_is_utf8_when_its_charset_says_so(string locale, bool utf8)
    {
        Detect(lang: locale).IsUtf8.ShouldBe(utf8);
    }

    [Fact]
    public void Lc_all_overrides_lc_ctype_which_overrides_lang()
    {
        Detect(lcAll: "C", lcCtype: "C.UTF-8", lang: "C.UTF-8").ShouldBe(new LocaleCharset(false, "LC_ALL", "C"));
        Detect(lcCtype: "C.UTF-8", lang: "C").ShouldBe(new LocaleCharset(true, "LC_CTYPE", "C.UTF-8"));
        Detect(lcAll: "", lang: "en_GB.UTF-8").ShouldBe(new LocaleCharset(true, "LANG", "en_GB.UTF-8"));
    }

    [Fact]
    public void With_no_locale_variable_the_c_locale_applies()
    {
        Detect().ShouldBe(new LocaleCharset(false, null, "C"));
    }
}
