using FleetTui.Demo;
using FleetTui.Display;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Display;

/// <summary>Real compiled terminfo entries: the system's, and ones compiled here with tic.</summary>
public sealed class TerminfoFlagsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fleet-terminfo-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> CompileAsync(string source)
    {
        var file = Path.Combine(_folder, "entry.src");
        await File.WriteAllTextAsync(file, source);
        var result = await DemoCommand.RunAsync(["tic", "-x", "-o", Path.Combine(_folder, "db"), file], _folder);
        result.Succeeded.ShouldBeTrue(result.Output);
        return Path.Combine(_folder, "db");
    }

    private static Func<string, string?> Variables(string terminfo) => name => name == "TERMINFO" ? terminfo : null;

    [Fact]
    public async Task An_entry_with_tc_is_truecolor_and_one_without_is_not()
    {
        var db = await CompileAsync("fleet-tc|with Tc,\n\tTc,\n\tuse=xterm-256color,\nfleet-plain|without,\n\tuse=xterm-256color,\nfleet-rgb|with RGB,\n\tRGB,\n\tuse=xterm,\n");

        TerminfoFlags.Has("fleet-tc", "Tc", Variables(db)).ShouldBeTrue();
        TerminfoFlags.Has("fleet-plain", "Tc", Variables(db)).ShouldBeFalse();
        TerminfoFlags.Has("fleet-rgb", "RGB", Variables(db)).ShouldBeTrue();

        ColorSupport.Detect(name => name switch { "TERM" => "fleet-tc", "TERMINFO" => db, _ => null }).Depth.ShouldBe(ColorDepth.TrueColor);
        ColorSupport.Detect(name => name switch { "TERM" => "fleet-rgb", "TERMINFO" => db, _ => null }).Depth.ShouldBe(ColorDepth.TrueColor);
        ColorSupport.Detect(name => name switch { "TERM" => "fleet-plain", "TERMINFO" => db, _ => null }).Depth.ShouldBe(ColorDepth.Colors16);
    }

    [Fact]
    public void The_systems_xterm_256color_has_no_truecolor_flag_and_an_unknown_term_has_no_entry()
    {
        Func<string, string?> system = _ => null;
        TerminfoFlags.Find("xterm-256color", system).ShouldNotBeNull();
        TerminfoFlags.Has("xterm-256color", "Tc", system).ShouldBeFalse();
        TerminfoFlags.Find("no-such-terminal-xyz", system).ShouldBeNull();
        TerminfoFlags.Find("../etc/passwd", system).ShouldBeNull();
    }

    [Fact]
    public void Garbage_is_no_entry() => TerminfoFlags.ExtendedBooleans([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]).ShouldBeEmpty();
}
