using System.Text;
using FleetTui.Terminal.Parsing;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Parsing;

/// <summary>
/// A CSI sequence of plain parameters that is whole in the buffer is read in one go (<c>VtParams.ParseSimple</c>); any
/// other (split across reads, with ':' or a private marker, intermediates, controls inside, too many or too long
/// parameters) takes the general state machine. Fed byte by byte, every sequence takes the general path: each case here
/// must give the same callbacks whole, byte by byte and split in two at every position.
/// </summary>
public class CsiFastPathTests
{
    private static IReadOnlyList<string> ParseEveryWay(string text) => ParseEveryWay(Encoding.UTF8.GetBytes(text));

    private static IReadOnlyList<string> ParseEveryWay(byte[] input)
    {
        var whole = new RecordingHandler();
        new VtParser(whole).Advance(input);

        var bytewise = new RecordingHandler();
        var parser = new VtParser(bytewise);
        foreach (var b in input)
            parser.Advance([b]);
        bytewise.Log.ShouldBe(whole.Log, "byte by byte");

        for (var split = 1; split < input.Length; split++)
        {
            var handler = new RecordingHandler();
            var splitParser = new VtParser(handler);
            splitParser.Advance(input.AsSpan(0, split));
            splitParser.Advance(input.AsSpan(split));
            handler.Log.ShouldBe(whole.Log, $"split at {split}");
        }

        return whole.Log;
    }

    [Theory]
    [InlineData("\e[m", "csi m")]
    [InlineData("\e[0m", "csi 0m")]
    [InlineData("\e[;m", "csi ;m")]
    [InlineData("\e[;;1m", "csi ;;1m")]
    [InlineData("\e[1;m", "csi 1;m")]
    [InlineData("\e[38;5;196m", "csi 38;5;196m")]
    [InlineData("\e[48;2;255;128;0m", "csi 48;2;255;128;0m")]
    [InlineData("\e[007;0010H", "csi 7;10H")]
    [InlineData("\e[65535m", "csi 65535m")]
    [InlineData("\e[65536m", "csi 65535m")]
    [InlineData("\e[999999999m", "csi 65535m")]
    [InlineData("\e[1000000000m", "csi 65535m")]
    [InlineData("\e[0000000000001m", "csi 1m")]
    [InlineData("\e[12345678901234567890;2m", "csi 65535;2m")]
    [InlineData("\e[38:2::1:2:3m", "csi 38:2::1:2:3m")]
    [InlineData("\e[38:2:1:2:3m", "csi 38:2:1:2:3m")]
    [InlineData("\e[4:3m", "csi 4:3m")]
    [InlineData("\e[1;4:3;38:5:9m", "csi 1;4:3;38:5:9m")]
    [InlineData("\e[?25h", "csi ?25h")]
    [InlineData("\e[>4;1m", "csi >4;1m")]
    [InlineData("\e[2 q", "csi  2q")]
    [InlineData("\e[1$p", "csi $1p")]
    [InlineData("\e[5~", "csi 5~")]
    [InlineData("\e[@", "csi @")]
    public void A_sequence_reads_the_same_whole_and_split(string input, string expected) =>
        ParseEveryWay(input).ShouldBe([expected]);

    [Fact]
    public void A_private_marker_after_parameters_ignores_the_sequence() =>
        ParseEveryWay("\e[1?mx").ShouldBe(["print x"]);

    [Fact]
    public void Controls_inside_a_sequence_execute_and_the_sequence_completes() =>
        ParseEveryWay("\e[1;\n31\rm").ShouldBe(["exec 0A", "exec 0D", "csi 1;31m"]);

    [Fact]
    public void Delete_inside_a_sequence_is_ignored() =>
        ParseEveryWay("\e[3\u007F1m").ShouldBe(["csi 31m"]);

    [Fact]
    public void Can_aborts_and_esc_restarts_a_sequence() =>
        ParseEveryWay("\e[31\u0018x\e[3\e[4m").ShouldBe(["exec 18", "print x", "csi 4m"]);

    [Fact]
    public void Exactly_the_parameter_limit_is_kept_and_more_are_dropped()
    {
        var exactly = string.Join(';', Enumerable.Range(1, VtParams.MaxParams));
        var more = string.Join(';', Enumerable.Range(1, VtParams.MaxParams + 5));
        ParseEveryWay($"\e[{exactly}m\e[{more}m").ShouldBe([$"csi {exactly}m", $"csi {exactly}m"]);
    }

    [Fact]
    public void Omitted_parameters_up_to_the_limit()
    {
        var empties = new string(';', VtParams.MaxParams - 1);
        ParseEveryWay($"\e[{empties}m\e[{empties};m").ShouldBe([$"csi {empties}m", $"csi {empties}m"]);
    }

    [Fact]
    public void A_fast_sequence_after_a_slow_one_has_no_sub_parameters_left_over()
    {
        // The colon sequence fills the sub-parameter tables; the next, plain one must not see them.
        ParseEveryWay("\e[38:5:9;4:3m\e[38;5;9;4m").ShouldBe(["csi 38:5:9;4:3m", "csi 38;5;9;4m"]);
    }

    [Fact]
    public void A_multibyte_character_cut_by_a_sequence_becomes_a_replacement() =>
        ParseEveryWay([(byte)'a', 0xE4, 0x1B, (byte)'[', (byte)'1', (byte)'m', (byte)'b']).ShouldBe(["print a\uFFFD", "csi 1m", "print b"]);

    [Fact]
    public void An_osc_ended_by_esc_bracket_dispatches_then_the_sequence_runs() =>
        ParseEveryWay("\e]0;title\e[1m").ShouldBe(["osc 0;title", "csi 1m"]);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_sequences_read_the_same_whole_as_byte_by_byte(int seed)
    {
        var random = new Random(seed);
        for (var stream = 0; stream < 200; stream++)
        {
            var input = Encoding.UTF8.GetBytes(RandomCsiStream(random));
            var whole = new RecordingHandler();
            new VtParser(whole).Advance(input);
            var bytewise = new RecordingHandler();
            var parser = new VtParser(bytewise);
            foreach (var b in input)
                parser.Advance([b]);
            bytewise.Log.ShouldBe(whole.Log, Encoding.UTF8.GetString(input).Replace("\e", "\\e", StringComparison.Ordinal));
        }
    }

    /// <summary>CSI sequences with random parameter bytes (digits, ';', ':', markers, intermediates, controls) and text.</summary>
    internal static string RandomCsiStream(Random random)
    {
        string[] parameterPieces =
        [
            "0", "1", "4", "5", "2", "38", "48", "58", "255", "65535", "65536", "99999999999", "007", "", ";", ";", ";", ":",
            "::", "?", ">", " ", "$", "\n", "\u007F", "\e", "\u0018", "é",
        ];
        string[] finals = ["m", "m", "m", "H", "J", "K", "q", "h", "~", "@"];
        var sb = new StringBuilder();
        var count = random.Next(1, 12);
        for (var i = 0; i < count; i++)
        {
            if (random.Next(4) == 0)
                sb.Append("word ");
            sb.Append("\e[");
            var parts = random.Next(0, VtParams.MaxParams + 8);
            for (var p = 0; p < parts; p++)
            {
                // Mostly well-formed numbers and separators, now and then something else.
                sb.Append(random.Next(10) < 8 ? random.Next(0, 300).ToString(System.Globalization.CultureInfo.InvariantCulture) : parameterPieces[random.Next(parameterPieces.Length)]);
                if (p + 1 < parts)
                    sb.Append(random.Next(6) == 0 ? ':' : ';');
            }

            sb.Append(finals[random.Next(finals.Length)]);
        }

        return sb.ToString();
    }
}
