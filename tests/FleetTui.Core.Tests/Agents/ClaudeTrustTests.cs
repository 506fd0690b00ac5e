using System.Text.Json.Nodes;
using FleetTui.Core.Agents;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Agents;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClaudeTrustTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("fleet-claude-trust-").FullName;

    private string ConfigPath => Path.Combine(_home, ".claude.json");

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public void Records_trust_for_the_repository_after_a_private_backup_and_changes_nothing_else()
    {
        const string original = """{"numStartups":3,"projects":{"/src/other":{"allowedTools":["Bash"],"hasTrustDialogAccepted":false}},"oauthAccount":{"emailAddress":"me@example.com"}}""";
        File.WriteAllText(ConfigPath, original);
        File.SetUnixFileMode(ConfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var (outcome, backup) = ClaudeTrust.Record(ConfigPath, "/src/shop", DateTimeOffset.Parse("2026-01-02T03:04:05Z"));

        outcome.ShouldBe(ClaudeTrust.Outcome.Recorded);
        backup.ShouldBe(ConfigPath + ".fleet-backup-20260102-030405");
        File.ReadAllText(backup!).ShouldBe(original);
        File.GetUnixFileMode(backup!).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(ConfigPath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var config = JsonNode.Parse(File.ReadAllText(ConfigPath))!;
        ClaudeTrust.IsTrusted(config, "/src/shop").ShouldBeTrue();
        config["projects"]!["/src/shop"]!.AsObject().Count.ShouldBe(1);
        var expected = JsonNode.Parse(original)!;
        expected["projects"]!["/src/shop"] = new JsonObject { ["hasTrustDialogAccepted"] = true };
        JsonNode.DeepEquals(config, expected).ShouldBeTrue();
    }

    [Fact]
    public void Leaves_an_already_trusted_config_untouched_and_writes_no_config_of_its_own()
    {
        File.WriteAllText(ConfigPath, """{"projects":{"/src/shop":{"hasTrustDialogAccepted":true}}}""");
        var before = File.GetLastWriteTimeUtc(ConfigPath);
        ClaudeTrust.Record(ConfigPath, "/src/shop", DateTimeOffset.UtcNow).Outcome.ShouldBe(ClaudeTrust.Outcome.AlreadyTrusted);
        File.GetLastWriteTimeUtc(ConfigPath).ShouldBe(before);
        Directory.GetFiles(_home).Length.ShouldBe(1);

        var elsewhere = Path.Combine(_home, "nobody", ".claude.json");
        ClaudeTrust.Record(elsewhere, "/src/shop", DateTimeOffset.UtcNow).Outcome.ShouldBe(ClaudeTrust.Outcome.NoConfig);
        File.Exists(elsewhere).ShouldBeFalse();
    }

    [Fact]
    public void The_config_is_in_the_home_or_in_CLAUDE_CONFIG_DIR()
    {
        ClaudeTrust.ConfigPath(name => name == "HOME" ? "/home/me" : null).ShouldBe("/home/me/.claude.json");
        ClaudeTrust.ConfigPath(name => name switch { "HOME" => "/home/me", "CLAUDE_CONFIG_DIR" => "/etc/claude-me", _ => null })
            .ShouldBe("/etc/claude-me/.claude.json");
    }
}
