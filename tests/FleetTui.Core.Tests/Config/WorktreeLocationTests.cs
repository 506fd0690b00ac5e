using FleetTui.Core.Config;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config;

public class WorktreeLocationTests
{
    private static readonly TaskConfig Task = new() { Name = "billing", Branch = "fleet/billing" };

    [Fact]
    public void By_default_worktrees_go_to_a_sibling_folder_named_after_the_repository()
    {
        WorktreeLocation.Resolve(new FleetSettings(), "/src/shop/", Task).ShouldBe("/src/shop.worktrees/billing");
    }

    [Fact]
    public void A_relative_template_is_resolved_against_the_repository_root()
    {
        WorktreeLocation.Resolve(new FleetSettings { Worktrees = ".worktrees/{branch}" }, "/src/shop", Task)
            .ShouldBe("/src/shop/.worktrees/fleet/billing");
    }

    [Fact]
    public void An_absolute_or_home_relative_template_is_taken_as_written()
    {
        WorktreeLocation.Resolve(new FleetSettings { Worktrees = "/wt/{repo}/{task}" }, "/src/shop", Task).ShouldBe("/wt/shop/billing");
        WorktreeLocation.Resolve(new FleetSettings { Worktrees = "~/wt/{task}" }, "/src/shop", Task, home: "/home/me").ShouldBe("/home/me/wt/billing");
    }
}
