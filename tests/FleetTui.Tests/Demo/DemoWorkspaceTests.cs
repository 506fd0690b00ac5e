using FleetTui.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Demo;

public sealed class DemoWorkspaceTests : IDisposable
{
    private readonly IsolatedGit _git = new();

    public void Dispose() => _git.Dispose();

    [Fact]
    public async Task An_edit_reports_the_changed_lines_with_their_numbers()
    {
        using var repository = await _git.CreateDemoAsync();
        var workspace = new DemoWorkspace(repository.RepositoryPath, _git.Environment);

        var outcome = workspace.Edit(new DemoStep.Edit("src/catalog.sh", "    milk) echo 99 ;;\n", "    milk) echo 99 ;;\n    tea) echo 300 ;;\n"));

        outcome.FirstLine.ShouldBe(8);
        outcome.Removed.ShouldBeEmpty();
        outcome.Added.ShouldBe(["    tea) echo 300 ;;"]);
        (await File.ReadAllLinesAsync(Path.Combine(repository.RepositoryPath, "src/catalog.sh")))[7].ShouldBe("    tea) echo 300 ;;");
    }

    [Fact]
    public async Task A_preview_changes_nothing()
    {
        using var repository = await _git.CreateDemoAsync();
        var workspace = new DemoWorkspace(repository.RepositoryPath, _git.Environment);

        var outcome = workspace.Edit(new DemoStep.Edit("src/pricing.sh", DemoScripts.UnitPriceLine, "  echo 0\n"), preview: true);

        outcome.Removed.ShouldBe(["  echo \"$base\""]);
        outcome.Added.ShouldBe(["  echo 0"]);
        (await _git.GitAsync(repository.RepositoryPath, "status", "--porcelain")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_same_edit_twice_is_reported_as_already_applied()
    {
        using var repository = await _git.CreateDemoAsync();
        var workspace = new DemoWorkspace(repository.RepositoryPath, _git.Environment);
        var edit = new DemoStep.Edit("src/catalog.sh", "    milk) echo 99 ;;\n", "    milk) echo 99 ;;\n    tea) echo 300 ;;\n");
        workspace.Edit(edit);
        var once = await File.ReadAllTextAsync(Path.Combine(repository.RepositoryPath, "src/catalog.sh"));

        workspace.Edit(edit).AlreadyApplied.ShouldBeTrue();

        (await File.ReadAllTextAsync(Path.Combine(repository.RepositoryPath, "src/catalog.sh"))).ShouldBe(once);
    }

    [Fact]
    public async Task An_edit_whose_text_is_missing_fails_naming_the_file_and_the_text()
    {
        using var repository = await _git.CreateDemoAsync();
        var workspace = new DemoWorkspace(repository.RepositoryPath, _git.Environment);

        var error = Should.Throw<InvalidOperationException>(() => workspace.Edit(new DemoStep.Edit("src/pricing.sh", "no such line\n", "x\n")));

        error.Message.ShouldBe("src/pricing.sh: the text to replace is not there: no such line");
    }

    [Fact]
    public async Task A_commit_stages_only_the_files_the_script_changed()
    {
        using var repository = await _git.CreateDemoAsync();
        var workspace = new DemoWorkspace(repository.RepositoryPath, _git.Environment);
        await File.WriteAllTextAsync(Path.Combine(repository.RepositoryPath, "stray.txt"), "not ours");
        workspace.Write(new DemoStep.Write("docs/new.md", "# New\n"));

        var result = await workspace.CommitAsync(new DemoStep.Commit("docs: new page"));

        result.Succeeded.ShouldBeTrue(result.Output);
        result.Output.ShouldContain("docs: new page");
        (await _git.GitAsync(repository.RepositoryPath, "show", "--name-only", "--format=", "HEAD")).Trim().ShouldBe("docs/new.md");
        (await _git.GitAsync(repository.RepositoryPath, "status", "--porcelain")).Trim().ShouldBe("?? stray.txt");
    }

    [Fact]
    public async Task A_commit_with_nothing_changed_fails_without_committing()
    {
        using var repository = await _git.CreateDemoAsync();
        var workspace = new DemoWorkspace(repository.RepositoryPath, _git.Environment);

        var result = await workspace.CommitAsync(new DemoStep.Commit("empty"));

        result.Succeeded.ShouldBeFalse();
        (await _git.GitAsync(repository.RepositoryPath, "rev-list", "--count", "HEAD")).Trim().ShouldBe("1");
    }
}
