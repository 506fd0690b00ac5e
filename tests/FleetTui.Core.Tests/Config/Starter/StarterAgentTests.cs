using FleetTui.Core.Config.Starter;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config.Starter;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class StarterAgentTests
{
    private static string Bin(StarterFolder folder, params string[] programs)
    {
        var bin = Path.Combine(folder.Root, "bin");
        Directory.CreateDirectory(bin);
        foreach (var program in programs)
        {
            var path = Path.Combine(bin, program);
            File.WriteAllText(path, "#!/bin/sh\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return bin;
    }

    [Fact]
    public void The_first_agent_in_preference_order_found_on_path_is_chosen()
    {
        using var folder = new StarterFolder();
        var bin = Bin(folder, "aider", "gemini");

        StarterAgent.Choose($"/nonexistent:{bin}", folder.Root).ShouldBe("gemini");
    }

    [Fact]
    public void With_no_agent_on_path_tasks_get_a_shell()
    {
        using var folder = new StarterFolder();
        var bin = Bin(folder);
        File.WriteAllText(Path.Combine(bin, "claude"), "not executable");

        StarterAgent.Choose(bin, folder.Root).ShouldBe("shell");
    }
}
