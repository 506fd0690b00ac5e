namespace FleetTui.Cli.Doctor.Checks;

/// <summary>The repository doctor runs in, its fleet.toml and its state.json: found, loading, readable.</summary>
public sealed class FleetConfigCheck : IDoctorCheck
{
    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var findings = new List<DoctorFinding>();
        if (context.Repository is null)
        {
            findings.Add(DoctorFinding.Warn("fleet.toml", $"{context.RepositoryProblem}; the repository's checks were skipped", "run `fleet doctor` inside your repository"));
        }
        else if (context.ConfigPath is null)
        {
            findings.Add(DoctorFinding.Warn("fleet.toml", $"none in {context.Repository.Root}", "fleet init"));
        }
        else if (context.ConfigProblem is { } problem)
        {
            findings.Add(DoctorFinding.Fail("fleet.toml", problem, $"correct {context.ConfigPath} (every key is documented in fleet.toml.example)"));
        }
        else
        {
            var config = context.Config!;
            var gate = config.Fleet.Gate is { } g ? $"gate `{g}`" : "no gate";
            findings.Add(DoctorFinding.Ok("fleet.toml", $"loads: {Count(config.Tasks.Count, "task")} declared, {gate}"));
        }

        if (context.StateProblem is { } stateProblem)
            findings.Add(DoctorFinding.Fail("state.json", stateProblem, "move the file aside (the previous good state is in state.json.bak)"));
        else if (context.Tasks.Count > 0)
            findings.Add(DoctorFinding.Ok("state.json", $"{Count(context.Tasks.Count, "task")}, {Count(context.Tasks.Count(t => t.HasWorktree), "worktree")}"));
        return Task.FromResult<IReadOnlyList<DoctorFinding>>(findings);
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
