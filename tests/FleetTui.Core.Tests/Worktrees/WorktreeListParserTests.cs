using FleetTui.Core.Worktrees;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Worktrees;

public class WorktreeListParserTests
{
    [Fact]
    public void Parses_branches_detached_locked_and_prunable_entries()
    {
        const string output =
            "worktree /r\0HEAD aaa\0branch refs/heads/main\0\0" +
            "worktree /r.worktrees/a\0HEAD bbb\0detached\0locked reason\0\0" +
            "worktree /gone\0HEAD ccc\0branch refs/heads/fleet/x\0prunable gitdir file points to non-existent location\0\0";

        var list = WorktreeListParser.Parse(output);

        list.Count.ShouldBe(3);
        list[0].ShouldBe(new WorktreeInfo { Path = "/r", Head = "aaa", Branch = "main" });
        list[1].IsDetached.ShouldBeTrue();
        list[1].IsLocked.ShouldBeTrue();
        list[1].Branch.ShouldBeNull();
        list[2].Branch.ShouldBe("fleet/x");
        list[2].IsPrunable.ShouldBeTrue();
    }

    [Fact]
    public void Parses_a_path_containing_spaces()
    {
        WorktreeListParser.Parse("worktree /my repo/x y\0HEAD a\0bare\0\0")[0].ShouldBe(new WorktreeInfo { Path = "/my repo/x y", Head = "a", IsBare = true });
    }
}
