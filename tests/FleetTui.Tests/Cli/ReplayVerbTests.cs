using System.Text;
using FleetTui.Cli;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli;

public sealed class ReplayVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fleet-replay-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(content));
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = FleetCommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Prints_the_final_screen_one_line_per_row_with_trailing_blanks_trimmed()
    {
        var file = Write("a.in", "hello   \r\n\e[31mworld\e[0m\e[3;5Hx");
        var (code, output, _) = Run("replay", file, "--cols", "10", "--rows", "3");
        code.ShouldBe(0);
        output.ShouldBe("hello\nworld\n    x\n");
    }

    [Fact]
    public void Prints_wide_characters_once()
    {
        var file = Write("w.in", "中文ok");
        Run("replay", file, "--cols", "10", "--rows", "1").Out.ShouldBe("中文ok\n");
    }

    [Fact]
    public void Prints_history_first_with_scrollback()
    {
        var file = Write("s.in", "1\r\n2\r\n3\r\n4");
        Run("replay", file, "--cols", "5", "--rows", "2", "--scrollback").Out.ShouldBe("1\n2\n3\n4\n");
        Run("replay", file, "--cols", "5", "--rows", "2").Out.ShouldBe("3\n4\n");
    }

    [Fact]
    public void Reproduces_attributes_with_ansi()
    {
        var file = Write("c.in", "a\e[1;31mb\e[0mc");
        Run("replay", file, "--cols", "5", "--rows", "1", "--ansi").Out.ShouldBe("a\e[0;1;31mb\e[0mc\n");
    }

    [Fact]
    public void A_missing_file_is_a_clear_error_with_exit_code_1()
    {
        var (code, output, error) = Run("replay", Path.Combine(_dir, "nope.in"), "--cols", "5", "--rows", "1");
        code.ShouldBe(ExitCodes.Failed);
        output.ShouldBeEmpty();
        error.ShouldContain("no such file");
        error.ShouldContain("nope.in");
    }

    [Fact]
    public void A_zero_size_is_a_usage_error()
    {
        var file = Write("z.in", "x");
        var (code, _, error) = Run("replay", file, "--cols", "0", "--rows", "1");
        code.ShouldBe(ExitCodes.Usage);
        error.ShouldContain("0x1");
    }
}
