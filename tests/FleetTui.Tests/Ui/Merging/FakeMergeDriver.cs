using FleetTui.Core.Session;
using FleetTui.Host.Merging;

namespace FleetTui.Tests.Ui.Merging;

/// <summary>Records what the panel asked for; a test plays the driver's side by setting <see cref="Activity"/>.</summary>
internal sealed class FakeMergeDriver : IMergeDriver
{
    private MergeActivity _activity = MergeActivity.Idle;

    public List<string> Calls { get; } = [];

    public Dictionary<string, IReadOnlyList<string>> Logs { get; } = [];

    public MergeActivity Activity
    {
        get => _activity;
        set
        {
            _activity = value;
            ActivityChanged?.Invoke();
        }
    }

    public event Action? ActivityChanged;

    public Task MergeAsync(IReadOnlyList<string>? tasks) => Record(tasks is null ? "merge all" : $"merge {string.Join(",", tasks)}");

    public Task RunGateAsync(string task) => Record($"gate {task}");

    public Task<CommandResult> RetryAsync(string task) => Record($"retry {task}");

    public Task<CommandResult> MarkDoneAsync(string task) => Record($"done {task}");

    public Task<CommandResult> AcceptScopeAsync(string task) => Record($"accept {task}");

    public Task<IReadOnlyList<string>> ReadLogAsync(string path, int maxLines)
    {
        Calls.Add($"log {path}");
        return Task.FromResult(Logs.TryGetValue(path, out var lines) ? lines : throw new FileNotFoundException(path));
    }

    private Task<CommandResult> Record(string call)
    {
        Calls.Add(call);
        return Task.FromResult(CommandResult.Ok(call));
    }
}
