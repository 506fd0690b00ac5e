using System.Globalization;
using System.Text;

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
            # The FleetTui demo fleet (made by `fleet demo`): five scripted agents on a tiny shop written in sh.
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
        toml.Append(CultureInfo.InvariantCulture, $"caches = {{ SHOP_CACHE = {Quote(cacheDirectory)} }}\n");

        foreach (var task in DemoFleet.Tasks)
        {
            toml.Append('\n');
            toml.Append("[[task]]\n");
            toml.Append(CultureInfo.InvariantCulture, $"name = {Quote(task.Name)}\n");
            toml.Append(CultureInfo.InvariantCulture, $"prompt = {Quote(task.Prompt)}\n");
            if (task.DependsOn.Count > 0)
                toml.Append(CultureInfo.InvariantCulture, $"depends_on = {Array(task.DependsOn)}\n");
            toml.Append(CultureInfo.InvariantCulture, $"agent = {Array([.. agentCommand, "demo-agent", task.Name])}\n");
            toml.Append(CultureInfo.InvariantCulture, $"scope = {Array(task.Scope)}\n");
            toml.Append(CultureInfo.InvariantCulture, $"gate = {Quote(DemoFleet.Gate)}\n");
            if (task.Ports.Count > 0)
                toml.Append(CultureInfo.InvariantCulture, $"ports = {Array(task.Ports)}\n");
            toml.Append(CultureInfo.InvariantCulture,
                $"env = {{ {string.Join(", ", task.Env.Select(e => $"{e.Key} = {Quote(e.Value)}"))} }}\n");
        }
        return toml.ToString();
    }

    private static string Array(IEnumerable<string> values) => $"[{string.Join(", ", values.Select(Quote))}]";

    /// <summary>A TOML basic string: backslash, quote and control characters escaped (paths may hold anything).</summary>
    internal static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\t' => quoted.Append("\\t"),
                '\r' => quoted.Append("\\r"),
                < ' ' or '\u007f' => quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => quoted.Append(c),
            };
        }
        return quoted.Append('"').ToString();
    }
}
