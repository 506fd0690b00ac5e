namespace FleetTui.Core.Agents;

/// <summary>Where signals live: <c>&lt;git-common-dir&gt;/fleet/signals/&lt;task&gt;.jsonl</c>, shared by every worktree of the repo.</summary>
public static class AgentSignalFiles
{
    public static string Folder(string commonGitDir) => Path.Combine(commonGitDir, "fleet", "signals");

    public static string PathFor(string commonGitDir, string task) => Path.Combine(Folder(commonGitDir), task + ".jsonl");
}
