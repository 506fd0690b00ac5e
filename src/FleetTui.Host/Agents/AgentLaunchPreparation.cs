using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using FleetTui.Core.Git;

namespace FleetTui.Host.Agents;

/// <summary>
/// What fleet does for an agent right before it starts, beyond the plan's files: its hooks when asked for
/// (<c>[agents.&lt;name&gt;] hooks = true</c>, or the user config's <c>[hooks] claude</c>) — Claude Code's and Gemini
/// CLI's in the worktree's settings, Codex's as launch arguments — and Claude Code's worktree trust when asked for
/// (<c>trust_worktrees = true</c>). Each is a bonus: a failure is said in the pane (<paramref name="warn"/>) and the agent
/// starts anyway. Returns the plan to start (Codex's argv gains its notify override).
/// </summary>
public static class AgentLaunchPreparation
{
    /// <summary>The agent a plan runs, for its hooks: the preset's name, else the command's file name.</summary>
    public static string KindOf(AgentLaunchPlan plan) =>
        plan.Preset is "claude" or "codex" or "gemini" ? plan.Preset : Path.GetFileName(plan.Argv.Count > 0 ? plan.Argv[0] : "");

    public static AgentLaunchPlan Prepare(
        AgentLaunchPlan plan, FleetConfig config, string repositoryRoot, IReadOnlyList<string>? claudeHooksFleetArgv, Action<string> warn)
    {
        var agent = plan.Preset is { } preset ? config.Agents.GetValueOrDefault(preset) : null;
        var kind = KindOf(plan);
        var fleetArgv = agent?.Hooks == true ? claudeHooksFleetArgv ?? FleetExecutable.Argv()
            : kind == "claude" ? claudeHooksFleetArgv
            : null;
        if (agent?.Hooks == false)
            fleetArgv = null; // the fleet's config said no, for this agent, whatever the user config says

        try
        {
            switch (kind)
            {
                case "claude" when fleetArgv is not null:
                    ClaudeHooksInstaller.InstallAsync(new GitCli(), plan.WorkingDirectory, plan.Task, fleetArgv).GetAwaiter().GetResult();
                    break;
                case "gemini" when fleetArgv is not null:
                    GeminiHooksInstaller.InstallAsync(new GitCli(), plan.WorkingDirectory, plan.Task, fleetArgv).GetAwaiter().GetResult();
                    break;
                case "codex" when fleetArgv is not null:
                    plan = plan with { Argv = [plan.Argv[0], .. CodexHooks.LaunchArguments(fleetArgv, plan.Task), .. plan.Argv.Skip(1)] };
                    break;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or GitException)
        {
            warn($"{kind} hooks not installed: {e.Message}");
        }

        if (kind == "claude" && agent?.TrustWorktrees == true)
        {
            try
            {
                var (outcome, backup) = ClaudeTrust.Record(ClaudeTrust.ConfigPath(), repositoryRoot, DateTimeOffset.UtcNow);
                if (outcome == ClaudeTrust.Outcome.Recorded)
                    warn($"trusted {repositoryRoot} (and its worktrees) in {ClaudeTrust.ConfigPath()}; backup: {backup}");
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                warn($"Claude Code trust not recorded: {e.Message}");
            }
        }

        return plan;
    }
}
