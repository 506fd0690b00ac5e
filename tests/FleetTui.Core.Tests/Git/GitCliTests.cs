using FleetTui.Core.Git;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Git;

public class GitCliTests
{
    [Fact]
    public async Task Reads_the_repository_root_common_dir_and_current_branch()
    {
        using var repo = await TempRepo.CreateAsync();

        var facts = await RepositoryFacts.ReadAsync(repo.Git, repo.Path);

        facts.Root.ShouldBe(repo.Path);
        facts.CommonDir.ShouldBe(repo.CommonDir);
        facts.CurrentBranch.ShouldBe("main");
        facts.Name.ShouldBe("repo");
    }

    [Fact]
    public async Task Reports_the_common_dir_of_the_main_repository_from_inside_a_linked_worktree()
    {
        using var repo = await TempRepo.CreateAsync();
        var linked = Path.Combine(repo.RootDir, "linked");
        await repo.RunGitAsync("worktree", "add", "-b", "side", linked, "main");

        var facts = await RepositoryFacts.ReadAsync(repo.Git, linked);

        facts.Root.ShouldBe(linked);
        facts.CommonDir.ShouldBe(repo.CommonDir);
        facts.CurrentBranch.ShouldBe("side");
    }

    [Fact]
    public async Task A_failing_command_throws_with_the_command_and_git_stderr()
    {
        using var repo = await TempRepo.CreateAsync();

        var error = await Should.ThrowAsync<GitException>(() => repo.Git.RunAsync(repo.Path, ["checkout", "no-such-branch"]));

        error.Message.ShouldContain("git checkout no-such-branch");
        error.Message.ShouldContain("no-such-branch");
        error.Result.ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public async Task Uses_the_isolated_identity_not_the_users_global_config()
    {
        using var repo = await TempRepo.CreateAsync();

        var author = await repo.RunGitAsync("log", "-1", "--format=%an <%ae>");

        author.Trim().ShouldBe("Fleet Test <fleet-test@example.invalid>");
    }

    [Fact]
    public async Task Answers_ref_questions()
    {
        using var repo = await TempRepo.CreateAsync();
        await repo.RunGitAsync("branch", "merged-one");
        await repo.RunGitAsync("switch", "--quiet", "-c", "ahead-one");
        await repo.CommitFileAsync("a.txt", "a", "ahead");
        await repo.RunGitAsync("switch", "--quiet", "main");

        (await repo.Git.BranchExistsAsync(repo.Path, "merged-one")).ShouldBeTrue();
        (await repo.Git.BranchExistsAsync(repo.Path, "nope")).ShouldBeFalse();
        (await repo.Git.IsMergedIntoAsync(repo.Path, "merged-one", "main")).ShouldBeTrue();
        (await repo.Git.IsMergedIntoAsync(repo.Path, "ahead-one", "main")).ShouldBeFalse();
        (await repo.Git.ResolveCommitAsync(repo.Path, "main")).ShouldNotBeNull();
        (await repo.Git.ResolveCommitAsync(repo.Path, "nope")).ShouldBeNull();
        (await repo.Git.IsValidBranchNameAsync(repo.Path, "fleet/ok")).ShouldBeTrue();
        (await repo.Git.IsValidBranchNameAsync(repo.Path, "bad..name")).ShouldBeFalse();
    }
}
