using System.Text;
using FleetTui.Terminal.Input;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Input;

public class PasteEncoderTests
{
    private static readonly InputModes Bracketed = new(BracketedPaste: true);
    private static readonly InputModes Plain = InputModes.Default;

    [Theory]
    [InlineData("echo hi", "echo hi")]
    [InlineData("a\nb", "a\rb")]
    [InlineData("a\r\nb", "a\rb")]
    [InlineData("a\rb", "a\rb")]
    [InlineData("a\n\nb\n", "a\r\rb\r")]
    [InlineData("a\r\n\r\nb", "a\r\rb")]
    [InlineData("\n", "\r")]
    [InlineData("", "")]
    public void Without_brackets_line_feeds_become_carriage_returns(string pasted, string expected)
    {
        Printable.Of(PasteEncoder.Encode(pasted, Plain)).ShouldBe(Printable.OfLatin1(expected));
    }

    [Theory]
    [InlineData("echo hi", "\e[200~echo hi\e[201~")]
    [InlineData("a\nb\r\n", "\e[200~a\nb\r\n\e[201~")]
    [InlineData("", "\e[200~\e[201~")]
    public void With_brackets_the_text_is_wrapped_and_sent_as_is(string pasted, string expected)
    {
        Printable.Of(PasteEncoder.Encode(pasted, Bracketed)).ShouldBe(Printable.OfLatin1(expected));
    }

    [Theory]
    [InlineData("x\e[201~rm -rf ~\n", "\e[200~xrm -rf ~\n\e[201~")]
    [InlineData("\e[201~", "\e[200~\e[201~")]
    [InlineData("a\e[200~b", "\e[200~ab\e[201~")]
    [InlineData("\e[20\e[201~1~evil", "\e[200~evil\e[201~")]
    [InlineData("\e[2\e[201~01~", "\e[200~\e[201~")]
    [InlineData("~\e[201", "\e[200~~\e[201\e[201~")]
    [InlineData("\e[A still an escape", "\e[200~\e[A still an escape\e[201~")]
    public void A_paste_cannot_close_the_bracket_early(string pasted, string expected)
    {
        Printable.Of(PasteEncoder.Encode(pasted, Bracketed)).ShouldBe(Printable.OfLatin1(expected));
    }

    [Fact]
    public void An_end_marker_is_removed_from_an_unbracketed_paste_too()
    {
        Printable.Of(PasteEncoder.Encode("a\e[201~b\n", Plain)).ShouldBe("ab\\x0d");
    }

    [Fact]
    public void Non_ASCII_text_is_sent_as_UTF8()
    {
        PasteEncoder.Encode("héllo 😀", Bracketed).ShouldBe(Encoding.UTF8.GetBytes("\e[200~héllo 😀\e[201~"));
    }

    [Fact]
    public void A_megabyte_paste_arrives_whole()
    {
        string text = string.Concat(Enumerable.Repeat("line of pasted text\n", 50_000));

        byte[] encoded = PasteEncoder.Encode(text, Bracketed);

        encoded.Length.ShouldBe(text.Length + 12);
        Encoding.UTF8.GetString(encoded, 6, text.Length).ShouldBe(text);
    }
}
