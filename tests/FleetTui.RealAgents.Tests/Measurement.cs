using System.Globalization;
using System.Text;
using FleetTui.RealAgents.Tests.Harness;
using FleetTui.RealAgents.Tests.Stories;

namespace FleetTui.RealAgents.Tests;

/// <summary>
/// <c>measure [runs] [filter]</c>: runs every real-agent story (whose "agent / story" contains the filter) that many
/// times, one at a time, and prints per story the latencies (median, 90th percentile, worst) against the goals and the
/// false states counted. A run that throws (a screen that never came) is counted as failed and shown.
/// </summary>
public static class Measurement
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != "measure")
        {
            Console.Error.WriteLine("usage: FleetTui.RealAgents.Tests measure [runs] [filter]");
            return 2;
        }

        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var filter = args.Length > 2 ? args[2] : "";
        var entries = StoryCatalog.All.Where(e => $"{e.Agent} / {e.Story}".Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
        var rows = new List<string>();
        var allGood = true;
        foreach (var entry in entries)
        {
            if (!StoryCatalog.Installed(entry))
            {
                rows.Add($"| {entry.Agent} | {entry.Story} | not installed | | | | | | |");
                continue;
            }

            var results = new List<StoryResult>();
            var failures = new List<string>();
            for (var run = 1; run <= runs; run++)
            {
                try
                {
                    var result = await entry.Run();
                    results.Add(result);
                    Console.Error.WriteLine($"[{entry.Agent} / {entry.Story} {run}/{runs}] " + Summary(result));
                    if (result.FalseStates.Count > 0 || result.Latencies.Any(l => l.Value > StoryGoals.Bounds[l.Key]))
                        Console.Error.WriteLine(result.Timeline);
                }
                catch (Exception e) when (e is TimeoutException or InvalidOperationException or IOException)
                {
                    failures.Add(e.Message.Split('\n')[0]);
                    Console.Error.WriteLine($"[{entry.Agent} / {entry.Story} {run}/{runs}] FAILED: {e.Message}");
                }
            }

            var falseStates = results.Sum(r => r.FalseStates.Count);
            var cells = StoryGoals.Bounds.Keys.Select(name => Cell(results, name, ref allGood));
            allGood &= falseStates == 0 && failures.Count == 0;
            rows.Add($"| {entry.Agent} | {entry.Story} | {results.Count}/{runs} | {string.Join(" | ", cells)} | {falseStates} |");
        }

        var table = new StringBuilder();
        table.AppendLine($"| agent | story | runs ok | {string.Join(" | ", StoryGoals.Bounds.Select(b => $"{b.Key} (≤ {b.Value.TotalMilliseconds:0} ms)"))} | false states |");
        table.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", 4 + StoryGoals.Bounds.Count)));
        foreach (var row in rows)
            table.AppendLine(row);
        table.AppendLine();
        table.AppendLine("Latency cells: median / 90th percentile / worst, in ms; ✗ marks a worst over its goal.");
        Console.WriteLine(table);
        return allGood ? 0 : 1;
    }

    private static string Summary(StoryResult result) =>
        string.Join(", ", result.Latencies.Select(l => $"{l.Key} {Ms(l.Value)}")) + $"; {result.FalseStates.Count} false";

    private static string Cell(List<StoryResult> results, string name, ref bool allGood)
    {
        var values = results.Where(r => r.Latencies.ContainsKey(name)).Select(r => r.Latencies[name]).OrderBy(v => v).ToList();
        if (values.Count == 0)
            return "";
        var worst = values[^1];
        var over = worst > StoryGoals.Bounds[name];
        allGood &= !over;
        return $"{Ms(values[values.Count / 2])} / {Ms(values[Math.Min(values.Count - 1, (int)Math.Ceiling(values.Count * 0.9) - 1)])} / {Ms(worst)}{(over ? " ✗" : "")}";
    }

    private static string Ms(TimeSpan value) => value == TimeSpan.MaxValue ? "never" : value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
}
