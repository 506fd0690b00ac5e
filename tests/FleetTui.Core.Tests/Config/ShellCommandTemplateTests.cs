using FleetTui.Core.Config.Templates;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config;

/// <summary>Templates in <c>sh -c</c> strings become environment references fit for the quotes around them; values never become code.</summary>
public class ShellCommandTemplateTests
{
    private const string Hostile = "y/$(touch${IFS}PWNED)'\"`touch PWNED2`;* \\ $HOME";

    [Fact]
    public void In_plain_words_a_template_becomes_a_double_quoted_reference()
    {
        ShellCommandTemplate.Expand("cd {worktree} && make PORT={port.admin-ui}")
            .ShouldBe("cd \"${FLEET_WORKTREE}\" && make PORT=\"${FLEET_PORT_ADMIN_UI}\"");
    }

    [Fact]
    public void Inside_double_quotes_the_reference_is_bare()
    {
        ShellCommandTemplate.Expand("echo dq=\"{branch}\"").ShouldBe("echo dq=\"${FLEET_BRANCH}\"");
    }

    [Fact]
    public void Inside_single_quotes_the_quotes_are_closed_around_the_reference()
    {
        ShellCommandTemplate.Expand("echo '{task}'").ShouldBe("echo ''\"${FLEET_TASK}\"''");
    }

    [Fact]
    public void Shell_parameter_expansion_and_literal_braces_are_left_alone()
    {
        ShellCommandTemplate.Expand("echo ${HOME} {{x}}").ShouldBe("echo ${HOME} {x}");
    }

    [Theory]
    [InlineData("printf '%s\\n' uq={branch}", "uq=")]
    [InlineData("printf '%s\\n' dq=\"{branch}\"", "dq=")]
    [InlineData("printf '%s\\n' sq='{branch}'", "sq=")]
    [InlineData("printf '%s\\n' \"$(printf '%s' {branch})\"", "")]
    [InlineData("printf '%s\\n' \"in $(printf '%s' \"{branch}\") sub\"", "in ", " sub")]
    [InlineData("printf '%s\\n' \"`printf '%s' {branch}`\"", "")]
    [InlineData("printf '%s\\n' \"a'{branch}'b\"", "a'", "'b")]
    [InlineData("printf '%s\\n' 'x'\\''{branch}'", "x'")]
    [InlineData("printf '%s\\n' $( (printf '%s' x) )={branch}", "x=")]
    public async Task A_hostile_value_arrives_verbatim_wherever_the_template_sits(string template, string before, string after = "")
    {
        var dir = Directory.CreateTempSubdirectory("fleet-shell-").FullName;
        try
        {
            var output = await RunShellAsync(ShellCommandTemplate.Expand(template), dir, new() { ["FLEET_BRANCH"] = Hostile });

            output.ShouldBe(before + Hostile + after + "\n");
            File.Exists(Path.Combine(dir, "PWNED")).ShouldBeFalse();
            File.Exists(Path.Combine(dir, "PWNED2")).ShouldBeFalse();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<string> RunShellAsync(string command, string directory, Dictionary<string, string> environment)
    {
        var start = new System.Diagnostics.ProcessStartInfo("sh", ["-c", command]) { RedirectStandardOutput = true, WorkingDirectory = directory };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
