using FleetTui.Display;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Display;

public class ColorQuantizerTests
{
    [Fact]
    public void Light_grey_becomes_white_under_16_colours_not_yellow()
    {
        // The theme's chrome foreground of the issue: 201,206,216 had turned bright yellow.
        ColorQuantizer.Index(201, 206, 216, ColorDepth.Colors16).ShouldBe(7);
    }

    [Theory]
    [InlineData(0x15, 0x17, 0x1c, 0)]    // the default pane background: black
    [InlineData(0x6b, 0x73, 0x85, 8)]    // a muted grey is the dark grey
    [InlineData(0xd8, 0xde, 0xe9, 7)]    // the pane foreground
    [InlineData(255, 255, 255, 15)]
    public void A_colourless_colour_gets_the_grey_slot_of_its_lightness(byte r, byte g, byte b, int expected) =>
        ColorQuantizer.Index(r, g, b, ColorDepth.Colors16).ShouldBe(expected);

    [Theory]
    [InlineData(0xbf, 0x61, 0x6a, 1)]    // the theme's muted red (error text) stays red, not grey
    [InlineData(0xa3, 0xbe, 0x8c, 2)]    // sage green stays green
    [InlineData(0xeb, 0xcb, 0x8b, 3)]    // sand stays yellow
    [InlineData(0x81, 0xa1, 0xc1, 4)]    // a soft blue is a blue, never grey or cyan
    [InlineData(0xb4, 0x8e, 0xad, 5)]    // mauve is magenta
    [InlineData(0x88, 0xc0, 0xd0, 6)]    // frost is cyan
    public void A_coloured_colour_keeps_its_hue_under_16_colours(byte r, byte g, byte b, int hue) =>
        (ColorQuantizer.Index(r, g, b, ColorDepth.Colors16) % 8).ShouldBe(hue);

    [Fact]
    public void Every_cube_and_grey_colour_of_the_256_palette_maps_to_itself()
    {
        for (var index = 16; index < 256; index++)
        {
            var (r, g, b) = ColorQuantizer.Xterm256(index);
            var mapped = ColorQuantizer.Index(r, g, b, ColorDepth.Colors256);
            ColorQuantizer.Xterm256(mapped).ShouldBe((r, g, b), $"index {index}");
        }
    }

    [Fact]
    public void Under_256_colours_the_user_configured_first_16_are_never_used()
    {
        ColorQuantizer.Index(205, 0, 0, ColorDepth.Colors256).ShouldBeGreaterThanOrEqualTo(16);
        ColorQuantizer.Index(0, 0, 0, ColorDepth.Colors256).ShouldBe(16);
    }

    [Fact]
    public void At_24_bits_a_colour_is_drawn_as_it_is()
    {
        ColorQuantizer.Index(1, 2, 3, ColorDepth.TrueColor).ShouldBe(-1);
        ColorQuantizer.Drawn(1, 2, 3, ColorDepth.TrueColor).ShouldBe(((byte)1, (byte)2, (byte)3));
    }

    [Fact]
    public void What_is_drawn_is_the_palette_colour_of_the_index_chosen()
    {
        ColorQuantizer.Drawn(201, 206, 216, ColorDepth.Colors16).ShouldBe(((byte)229, (byte)229, (byte)229));
        ColorQuantizer.Drawn(0xd8, 0xde, 0xe9, ColorDepth.Colors256).ShouldBe(ColorQuantizer.Xterm256(ColorQuantizer.Index(0xd8, 0xde, 0xe9, ColorDepth.Colors256)));
    }
}
