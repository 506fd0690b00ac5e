using FleetTui.Core.Session;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Session;

public sealed class SessionStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fleet-store-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static TaskState Sample(string name) => new()
    {
        Name = name,
        Branch = $"fleet/{name}",
        Base = "main",
        Phase = TaskPhase.Active,
        Worktree = $"/tmp/{name}",
        Ports = new Dictionary<string, int> { ["web"] = 41000 },
        Gate = new GateState(GateOutcome.Passed, 2, "/log", DateTimeOffset.UnixEpoch),
        ReviewConflicts = ["a.cs"],
        Note = "hello",
        CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
    };

    [Fact]
    public void Starts_empty_when_there_is_no_file()
    {
        new SessionStore(_dir).Load().Tasks.ShouldBeEmpty();
    }

    [Fact]
    public void Round_trips_every_field_and_bumps_the_generation()
    {
        var store = new SessionStore(_dir);

        store.Update(s => s.WithTask(Sample("a")));
        var written = store.Update(s => s.WithTask(Sample("b")));
        var loaded = new SessionStore(_dir).Load();

        loaded.Generation.ShouldBe(2);
        written.Generation.ShouldBe(2);
        loaded.Tasks.Select(t => t.Name).ShouldBe(["a", "b"]);
        var a = loaded.Find("a")!;
        a.Ports.ShouldBe(Sample("a").Ports);
        a.Gate.ShouldBe(Sample("a").Gate);
        a.ReviewConflicts.ShouldBe(["a.cs"]);
        a.CreatedAt.ShouldBe(Sample("a").CreatedAt);
        File.ReadAllText(store.StatePath).ShouldContain("\"phase\": \"active\"");
    }

    [Fact]
    public void Keeps_the_previous_good_state_as_a_backup_and_leaves_no_temp_files()
    {
        var store = new SessionStore(_dir);
        store.Update(s => s.WithTask(Sample("a")));

        store.Update(s => s.WithoutTask("a"));

        File.ReadAllText(store.BackupPath).ShouldContain("fleet/a");
        Directory.GetFiles(_dir, "*.tmp").ShouldBeEmpty();
    }

    [Fact]
    public void Reports_a_corrupt_file_by_name_and_never_overwrites_it()
    {
        var store = new SessionStore(_dir);
        Directory.CreateDirectory(_dir);
        File.WriteAllText(store.StatePath, "{ this is not json");

        var error = Should.Throw<SessionStateException>(() => store.Load());
        Should.Throw<SessionStateException>(() => store.Update(s => s.WithTask(Sample("a"))));

        error.Message.ShouldContain(store.StatePath);
        error.Message.ShouldContain("corrupt");
        File.ReadAllText(store.StatePath).ShouldBe("{ this is not json");
    }

    [Fact]
    public void Refuses_a_state_written_by_a_newer_fleet()
    {
        var store = new SessionStore(_dir);
        File.WriteAllText(store.StatePath, "{\"schema\": 99, \"tasks\": []}");

        Should.Throw<SessionStateException>(() => store.Load()).Message.ShouldContain("schema 99");
    }

    [Fact]
    public void A_second_store_waits_for_the_lock_and_gives_up_with_a_clear_error()
    {
        var store = new SessionStore(_dir);
        using var held = new FileStream(store.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var error = Should.Throw<SessionStateException>(() => new SessionStore(_dir, TimeSpan.FromMilliseconds(200)).Load());

        error.Message.ShouldContain("state.lock");
    }

    [Fact]
    public async Task Concurrent_updates_from_two_stores_lose_nothing()
    {
        var one = new SessionStore(_dir);
        var two = new SessionStore(_dir);

        await Task.WhenAll(
            Task.Run(() => { for (var i = 0; i < 20; i++) one.Update(s => s.WithTask(Sample($"one-{i}"))); }),
            Task.Run(() => { for (var i = 0; i < 20; i++) two.Update(s => s.WithTask(Sample($"two-{i}"))); }));

        var state = one.Load();
        state.Tasks.Count.ShouldBe(40);
        state.Generation.ShouldBe(40);
    }
}
