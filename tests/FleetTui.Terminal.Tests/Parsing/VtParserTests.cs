using System.Text;
using FleetTui.Terminal.Parsing;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Parsing;

public class VtParserTests
{
    /// <summary>Parses in one chunk and byte by byte; both logs must agree, and that log is returned.</summary>
    private static IReadOnlyList<string> Parse(byte[] input)
    {
        var whole = new RecordingHandler();
        new VtParser(whole).Advance(input);

        var split = new RecordingHandler();
        var parser = new VtParser(split);
        foreach (var b in input)
            parser.Advance([b]);

        split.Log.ShouldBe(whole.Log);
        return whole.Log;
    }

    private static IReadOnlyList<string> Parse(string input) => Parse(Encoding.UTF8.GetBytes(input));

    [Fact]
    public void Printable_text_arrives_as_one_print() =>
        Parse("hello, world").ShouldBe(["print hello, world"]);

    [Fact]
    public void C0_controls_execute_between_prints() =>
        Parse("a\r\nb\x07").ShouldBe(["print a", "exec 0D", "exec 0A", "print b", "exec 07"]);

    [Fact]
    public void Utf8_multibyte_characters_decode_even_when_split() =>
        Parse("é€😀").ShouldBe(["print é€😀"]);

    [Fact]
    public void Invalid_utf8_becomes_replacement_characters() =>
        Parse([0x61, 0xC3, 0x28, 0xFF, 0xE2, 0x82, 0x62]).ShouldBe(["print a\uFFFD(\uFFFD\uFFFDb"]);

    [Fact]
    public void A_control_interrupting_a_multibyte_character_yields_a_replacement() =>
        Parse([0xE2, 0x82, 0x0A, 0x41]).ShouldBe(["print \uFFFD", "exec 0A", "print A"]);

    [Fact]
    public void Decoded_c1_code_points_are_dropped_and_raw_c1_bytes_are_not_controls() =>
        Parse([0x61, 0xC2, 0x9B, 0x32, 0x4A, 0x9B, 0x62]).ShouldBe(["print a2J\uFFFDb"]);

    [Fact]
    public void Csi_with_parameters_and_private_marker() =>
        Parse("\e[?1049h\e[1;31m\e[H").ShouldBe(["csi ?1049h", "csi 1;31m", "csi H"]);

    [Fact]
    public void Omitted_parameters_are_kept_as_empty() =>
        Parse("\e[;5H").ShouldBe(["csi ;5H"]);

    [Fact]
    public void Colon_sub_parameters_are_kept_apart() =>
        Parse("\e[38:2::255:0:10;4:3m").ShouldBe(["csi 38:2::255:0:10;4:3m"]);

    [Fact]
    public void Csi_intermediates_are_collected() =>
        Parse("\e[2 q\e[?2026$p\e[!p").ShouldBe(["csi  2q", "csi ?$2026p", "csi !p"]);

    [Fact]
    public void A_private_marker_after_parameters_makes_the_sequence_ignored() =>
        Parse("\e[1?2hX").ShouldBe(["print X"]);

    [Fact]
    public void C0_controls_inside_a_csi_execute_without_breaking_it() =>
        Parse("\e[1\n2H").ShouldBe(["exec 0A", "csi 12H"]);

    [Fact]
    public void Can_and_sub_abort_a_sequence() =>
        Parse("\e[12\x18X\e[3\x1aY").ShouldBe(["exec 18", "print X", "exec 1A", "print Y"]);

    [Fact]
    public void Esc_restarts_a_sequence_in_progress() =>
        Parse("\e[12\e[3A").ShouldBe(["csi 3A"]);

    [Fact]
    public void Escape_sequences_dispatch_with_intermediates() =>
        Parse("\e7\e(0\e#8\ec").ShouldBe(["esc 7", "esc (0", "esc #8", "esc c"]);

    [Fact]
    public void Osc_ends_with_bel_or_st() =>
        Parse("\e]0;title\x07\e]2;é two\e\\").ShouldBe(["osc 0;title", "osc 2;é two", "esc \\"]);

    [Fact]
    public void Osc_aborted_by_can_is_not_dispatched() =>
        Parse("\e]0;oops\x18ok").ShouldBe(["exec 18", "print ok"]);

    [Fact]
    public void Over_long_osc_strings_are_dropped_whole()
    {
        var payload = "\e]52;c;" + new string('A', VtParser.MaxOscLength + 10) + "\u0007after";
        var handler = new RecordingHandler();
        new VtParser(handler).Advance(Encoding.ASCII.GetBytes(payload));
        handler.Log.ShouldBe(["print after"]);
    }

    [Fact]
    public void Dcs_passthrough_hooks_puts_and_unhooks() =>
        Parse("\eP$qm\e\\\eP1;2|data\x18").ShouldBe(["hook $q", "unhook m", "esc \\", "hook 1;2|", "unhook data", "exec 18"]);

    [Fact]
    public void Sos_pm_and_apc_strings_are_ignored() =>
        Parse("\e_Gf=100;AAAA\e\\x\e^pm\e\\y").ShouldBe(["esc \\", "print x", "esc \\", "print y"]);

    [Fact]
    public void Parameters_beyond_the_cap_are_dropped_and_values_saturate()
    {
        var many = string.Join(';', Enumerable.Range(1, 40)) ;
        var log = Parse($"\e[{many}m\e[99999999A");
        log[0].ShouldBe("csi " + string.Join(';', Enumerable.Range(1, VtParams.MaxParams)) + "m");
        log[1].ShouldBe($"csi {VtParams.MaxValue}A");
    }

    [Fact]
    public void Sub_parameters_beyond_the_cap_are_dropped()
    {
        var log = Parse($"\e[1:{string.Join(':', Enumerable.Range(1, 40))};2m");
        log.ShouldBe([$"csi 1:{string.Join(':', Enumerable.Range(1, VtParams.MaxSubParams))};2m"]);
    }

    [Fact]
    public void Sequences_split_at_any_point_parse_as_whole()
    {
        var input = Encoding.UTF8.GetBytes("a\e[38;2;255;128;0m\e[48:2::1:2:3mx\e[0m\e[?25h\e[;5H\e[65535;99999m\e[m\e\e[1mé");
        var whole = new RecordingHandler();
        new VtParser(whole).Advance(input);
        for (var split = 1; split < input.Length; split++)
        {
            var handler = new RecordingHandler();
            var parser = new VtParser(handler);
            parser.Advance(input.AsSpan(0, split));
            parser.Advance(input.AsSpan(split));
            handler.Log.ShouldBe(whole.Log, $"split at {split}");
        }

        whole.Log.ShouldBe(["print a", "csi 38;2;255;128;0m", "csi 48:2::1:2:3m", "print x", "csi 0m", "csi ?25h", "csi ;5H",
            $"csi 65535;{VtParams.MaxValue}m", "csi m", "csi 1m", "print é"]);
    }

    [Fact]
    public void Delete_is_ignored_in_ground() => Parse("a\u007Fb").ShouldBe(["print ab"]);

    [Fact]
    public void Long_runs_are_printed_completely()
    {
        var text = new string('x', 10_000);
        Parse(text).ShouldBe([$"print {text}"]);
    }
}
