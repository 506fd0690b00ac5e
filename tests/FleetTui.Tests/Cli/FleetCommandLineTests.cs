using FleetTui.Cli;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli;

public class FleetCommandLineTests
{
    [Theory]
    [InlineData("no-such-verb")]
    [InlineData("rm")]
    [InlineData("ps", "--no-such-option")]
    public void A_bad_command_line_exits_with_the_usage_code_and_says_why_on_stderr(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int exit = FleetCommandLine.Run(args, stdout, stderr);

        exit.ShouldBe(ExitCodes.Usage);
        stderr.ToString().ShouldContain("fleet --help");
    }

    [Fact]
    public void Help_exits_zero_and_lists_every_verb()
    {
        var stdout = new StringWriter();

        int exit = FleetCommandLine.Run(["--help"], stdout, new StringWriter());

        exit.ShouldBe(ExitCodes.Ok);
        foreach (var verb in new[] { "demo", "doctor", "init", "new", "prune", "ps", "replay", "rm" })
            stdout.ToString().ShouldContain(verb);
    }
}
