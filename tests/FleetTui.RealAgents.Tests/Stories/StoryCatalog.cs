using FleetTui.RealAgents.Tests.Harness;
using FleetTui.RealAgents.Tests.Support;

namespace FleetTui.RealAgents.Tests.Stories;

/// <summary>Every real-agent story by agent and name, for the measurement mode.</summary>
public static class StoryCatalog
{
    public sealed record Entry(string Agent, string Story, string Binary, Func<Task<StoryResult>> Run);

    public static IReadOnlyList<Entry> All { get; } =
    [
        .. ClaudeCodeStories.Names.Select(name => new Entry("claude (hooks)", name, "claude", () => ClaudeCodeStories.RunAsync(name, hooks: true))),
        .. ClaudeCodeStories.Names.Select(name => new Entry("claude (screen)", name, "claude", () => ClaudeCodeStories.RunAsync(name, hooks: false))),
        .. CodexStories.Names.Select(name => new Entry("codex", name, "codex", () => CodexStories.RunAsync(name))),
        .. GeminiStories.Names.Select(name => new Entry("gemini", name, "gemini", () => GeminiStories.RunAsync(name))),
    ];

    public static bool Installed(Entry entry) => AgentInstall.Has(entry.Binary);
}
