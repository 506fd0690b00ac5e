using FleetTui.Core.Session;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Session;

/// <summary>state.json that parses but cannot be believed, backups, and the modes of fleet's own files.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SessionStoreIntegrityTests : IDisposable
{
    private readonly string _dir = Path.Combine(Directory.CreateTempSubdirectory("fleet-store-").FullName, "fleet");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_dir)!, recursive: true);

    private const string GoodTask =
        "{\"name\": \"a\", \"branch\": \"fleet/a\", \"base\": \"main\", \"phase\": \"active\", \"worktree\": \"/tmp/a\"}";

    private static TaskState Sample(string name) => new()
    {
        Name = name, Branch = $"fleet/{name}", Base = "main", Phase = TaskPhase.Active, Worktree = $"/tmp/{name}",
    };

    public static TheoryData<string, string> SemanticallyCorrupt => new()
    {
        { "null", "the file holds null, not a state" },
        { "{\"schema\": 1}", "\"tasks\" is missing" },
        { "{\"schema\": 1, \"tasks\": null}", "\"tasks\" is null" },
        { "{\"schema\": 1, \"tasks\": [null]}", "task #1 is null" },
        { "{\"schema\": 1, \"tasks\": [" + GoodTask.Replace("\"name\": \"a\"", "\"name\": null") + "]}", "\"name\" is or holds null" },
        { "{\"schema\": 1, \"tasks\": [" + GoodTask.Replace("\"worktree\": \"/tmp/a\"", "\"worktree\": null") + "]}", "\"worktree\" is or holds null" },
        { "{\"schema\": 1, \"tasks\": [" + GoodTask.Replace("\"branch\": \"fleet/a\"", "\"branch\": null") + "]}", "\"branch\" is or holds null" },
        { "{\"schema\": 1, \"tasks\": [" + GoodTask.Replace("\"phase\": \"active\"", "\"phase\": 42") + "]}", "\"phase\" 42 is not a phase" },
        { "{\"schema\": 1, \"tasks\": [" + GoodTask + ", " + GoodTask + "]}", "task 'a' appears twice" },
        { "{\"schema\": 1, \"tasks\": [" + GoodTask.Replace("}", ", \"dependsOn\": null}") + "]}", "\"dependsOn\" is or holds null" },
        { "{\"schema\": 1, \"tasks\": [" + GoodTask.Replace("}", ", \"dependsOn\": [null]}") + "]}", "\"dependsOn\" is or holds null" },
        { "{\"schema\": 1, \"tasks\": [" + GoodTask.Replace("\"name\": \"a\"", "\"name\": \"../../etc\"") + "]}", "\"name\" is missing or not a valid task name" },
        { "{\"schema\": 1, \"tasks\": [" + GoodTask.Replace("/tmp/a", "relative/a") + "]}", "\"worktree\" is missing or not an absolute path" },
    };

    [Theory]
    [MemberData(nameof(SemanticallyCorrupt))]
    public void Valid_json_that_does_not_validate_is_corrupt_left_untouched_and_never_rotated_into_the_backup(string json, string why)
    {
        var store = new SessionStore(_dir);
        store.Update(s => s.WithTask(Sample("good")));
        store.Update(s => s.WithTask(Sample("better")));
        var goodBackup = File.ReadAllText(store.BackupPath);
        File.WriteAllText(store.StatePath, json);

        var loading = Should.Throw<SessionStateException>(() => store.Load());
        Should.Throw<SessionStateException>(() => store.Update(s => s.WithTask(Sample("c"))));

        loading.Message.ShouldStartWith($"{store.StatePath} is corrupt (");
        loading.Message.ShouldContain(why);
        loading.Message.ShouldContain("left untouched");
        File.ReadAllText(store.StatePath).ShouldBe(json);
        File.ReadAllText(store.BackupPath).ShouldBe(goodBackup);
    }

    [Fact]
    public void Fields_an_older_state_did_not_write_take_their_defaults()
    {
        Directory.CreateDirectory(_dir);
        var store = new SessionStore(_dir);
        File.WriteAllText(store.StatePath, "{\"schema\": 1, \"tasks\": [" + GoodTask + "]}");

        var task = store.Load().Tasks.ShouldHaveSingleItem();

        task.DependsOn.ShouldBeEmpty();
        task.PortNames.ShouldBeEmpty();
        task.Ports.ShouldBeEmpty();
        task.Gate.ShouldBe(GateState.NotRun);
    }

    [Fact]
    public void The_backup_gets_our_own_mode_even_when_state_json_was_made_read_only()
    {
        var store = new SessionStore(_dir);
        store.Update(s => s.WithTask(Sample("a")));
        File.SetUnixFileMode(store.StatePath, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        store.Update(s => s.WithTask(Sample("b")));
        store.Update(s => s.WithTask(Sample("c")));

        File.GetUnixFileMode(store.BackupPath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(store.StatePath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        store.Load().Tasks.Select(t => t.Name).ShouldBe(["a", "b", "c"]);
    }

    [Fact]
    public void State_backup_and_lock_are_owner_only_in_an_owner_only_folder()
    {
        var store = new SessionStore(_dir);

        store.Update(s => s.WithTask(Sample("a")));
        store.Update(s => s.WithTask(Sample("b")));

        const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        File.GetUnixFileMode(store.StatePath).ShouldBe(OwnerReadWrite);
        File.GetUnixFileMode(store.BackupPath).ShouldBe(OwnerReadWrite);
        File.GetUnixFileMode(store.LockPath).ShouldBe(OwnerReadWrite);
        File.GetUnixFileMode(_dir).ShouldBe(OwnerReadWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void Loading_where_fleet_never_wrote_creates_nothing()
    {
        new SessionStore(_dir).Load().Tasks.ShouldBeEmpty();

        Directory.Exists(_dir).ShouldBeFalse();
    }

    [Fact]
    public void A_write_that_fails_changes_nothing_and_says_so()
    {
        var store = new SessionStore(_dir);
        store.Update(s => s.WithTask(Sample("a")));
        var before = File.ReadAllText(store.StatePath);
        Directory.CreateDirectory(store.BackupPath); // something in the backup's way: the rename fails even for root

        var error = Should.Throw<SessionStateException>(() => store.Update(s => s.WithTask(Sample("b"))));

        error.Message.ShouldStartWith($"Cannot write {store.StatePath}");
        error.Message.ShouldEndWith("nothing was changed.");
        File.ReadAllText(store.StatePath).ShouldBe(before);
        Directory.GetFiles(_dir, "*.tmp").ShouldBeEmpty();
    }
}
