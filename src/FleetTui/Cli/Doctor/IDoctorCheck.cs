namespace FleetTui.Cli.Doctor;

/// <summary>
/// One thing <c>fleet doctor</c> looks at (git, the agents, the terminal, …). A check only reads: it never changes the machine or
/// the repository. It reaches the machine through <see cref="DoctorContext.Machine"/> only, so a test can give it its own PATH,
/// variables and files. Add a check by adding a class and one line to <see cref="DoctorChecks.Default"/>.
/// </summary>
public interface IDoctorCheck
{
    /// <summary>The check's lines, in the order to show them (several for a check of many things, e.g. one per agent).</summary>
    Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken);
}
