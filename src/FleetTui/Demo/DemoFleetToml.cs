using System.Globalization;
using System.Text;
using FleetTui.Core.Config;

namespace FleetTui.Demo;

/// <summary>Writes the demo's fleet.toml: every task's agent is the scripted demo agent, run by this very executable.</summary>
public static class DemoFleetToml
{
    /// <param name="agentCommand">The argv that runs <c>fleet</c> (e.g. <c>[/usr/bin/fleet]</c> or <c>[dotnet, /x/fleet.dll]</c>).</param>
    /// <param name="cacheDirectory">The one directory every worktree shares as SHOP_CACHE.</param>
    public static string Render(IReadOnlyList<string> agentCommand, string cacheDirectory)
    {
        var toml = new StringBuilder();
        toml.Append("""
            # The FleetTui demo fleet (made by `fleet demo`): five scripted agents on a tiny shop written in sh, and its price API.
            # catalog, pricing, discounts and docs start at once; checkout waits until catalog and pricing have merged.
            # pricing and discounts rewrite the same line of unit_price: whichever merges second goes to review.

            [fleet]
            base = "main"
            agent = "shell"
            gate = "sh check.sh"

            [setup]
            run = "sh scripts/setup.sh"
            copy = [".env"]
            database = "shop_{task}"

            """);
        toml.Append(CultureInfo.InvariantCulture, $"caches = {{ SHOP_CACHE = {TomlText.Quote(cacheDirectory)} }}\n");
        toml.Append(CultureInfo.InvariantCulture, $$"""

            # The shop calls a tiny price API, in its own repository beside this one. checkout spans it (its own worktree there and
            # its own API server); the other tasks use the main stack's API.
            [repos.api]
            path = "../{{DemoApi.RepositoryName}}"
            shared_env = { SHOP_API_URL = "{{DemoApi.SharedUrl}}" }

            # Each task's environment, started with its agent (Ctrl+G w shows it in the task's pane; `fleet ps` lists the URLs).
            [services.web]
            command = "sh scripts/serve.sh"
            port = "web"
            ready = "tcp"
            ready_timeout = "20s"

            [services.api]
            command = "sh serve.sh"
            repo = "api"
            port = "api"
            ready = "tcp"
            ready_timeout = "20s"

            """);

        foreach (var task in DemoFleet.Tasks)
        {
            toml.Append('\n');
            toml.Append("[[task]]\n");
            toml.Append(CultureInfo.InvariantCulture, $"name = {TomlText.Quote(task.Name)}\n");
            toml.Append(CultureInfo.InvariantCulture, $"prompt = {TomlText.Quote(task.Prompt)}\n");
            if (task.DependsOn.Count > 0)
                toml.Append(CultureInfo.InvariantCulture, $"depends_on = {TomlText.Array(task.DependsOn)}\n");
            if (task.OtherRepos.Count > 0)
                toml.Append(CultureInfo.InvariantCulture, $"repos = {TomlText.Array(task.OtherRepos)}\n");
            toml.Append(CultureInfo.InvariantCulture, $"agent = {TomlText.Array([.. agentCommand, "demo-agent", task.Name])}\n");
            toml.Append(CultureInfo.InvariantCulture, $"scope = {TomlText.Array(task.Scope)}\n");
            toml.Append(CultureInfo.InvariantCulture, $"gate = {TomlText.Quote(DemoFleet.Gate)}\n");
            if (task.Ports.Count > 0)
                toml.Append(CultureInfo.InvariantCulture, $"ports = {TomlText.Array(task.Ports)}\n");
            toml.Append(CultureInfo.InvariantCulture,
                $"env = {{ {string.Join(", ", task.Env.Select(e => $"{e.Key} = {TomlText.Quote(e.Value)}"))} }}\n");
        }
        return toml.ToString();
    }
}
