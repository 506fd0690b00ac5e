using FleetTui.Host.Protocol;

namespace FleetTui.Cli;

/// <summary>The merge plan as <c>fleet merge</c> prints it: one numbered line per task with the planner's "why".</summary>
public static class MergePlanText
{
    public static void Write(TextWriter writer, MergePlanView plan)
    {
        if (plan.Entries.Count == 0)
        {
            writer.WriteLine("No tasks in this fleet.");
            return;
        }
        writer.WriteLine($"Merge order into {plan.BaseBranch}:");
        var width = plan.Entries.Max(e => e.Name.Length);
        foreach (var entry in plan.Entries)
            writer.WriteLine($"  {entry.Position,2}. {entry.Name.PadRight(width)}  {entry.Why}");
    }
}
