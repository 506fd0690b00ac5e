using CsCheck;
using FleetTui.Core.Config;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config;

/// <summary>Whatever a user's editor does to fleet.toml, loading fails with a ConfigException and a position, never a crash.</summary>
public class ConfigLoaderFuzzTests
{
    private const string Seed = """
        [fleet]
        base = "main"
        agent = ["claude", "--x", "{task}"]
        ports = { first = 41000, last = 41999 }
        env = { URL = "http://localhost:{port.web}" }

        [setup]
        copy = [".env"]
        database = "db_{task}"

        [agents.mine]
        command = ["a", "{port.web}"]

        [[task]]
        name = "api"
        ports = ["web"]
        agent = "mine"

        [[task]]
        name = "ui"
        base = "api"
        ports = ["web"]
        env = { DB = "{db}" }
        """;

    private static readonly Gen<string> Mutated =
        Gen.Int[1, 4].SelectMany(count =>
            Gen.Select(Gen.Int[0, Seed.Length - 1], Gen.Char["[]{}\"'=,.\n a1-_"], Gen.Int[0, 2]).Array[count])
        .Select(edits =>
        {
            var text = Seed;
            foreach (var (at, c, kind) in edits)
            {
                var i = Math.Min(at, text.Length - 1);
                text = kind switch
                {
                    0 => text.Remove(i, 1),
                    1 => text.Insert(i, c.ToString()),
                    _ => text.Remove(i, 1).Insert(i, c.ToString()),
                };
            }

            return text;
        });

    [Fact]
    public void The_seed_itself_loads()
    {
        ConfigLoader.Parse(Seed, "/r/fleet.toml").Tasks.Count.ShouldBe(2);
    }

    [Fact]
    public void A_mangled_file_fails_only_with_a_positioned_config_error()
    {
        Mutated.Sample(text =>
        {
            try
            {
                ConfigLoader.Parse(text, "/r/fleet.toml");
            }
            catch (ConfigException e)
            {
                var lines = text.Split('\n').Length;
                e.Position.Line.ShouldBeInRange(1, lines + 1);
                e.Position.Column.ShouldBeGreaterThanOrEqualTo(1);
                e.Message.ShouldStartWith($"fleet.toml:{e.Position.Line}:{e.Position.Column}: ");
            }
        }, iter: 3000);
    }
}
