using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FleetTui.Cli.Doctor.Checks;

/// <summary>Which build of fleet is running: a Native AOT executable (starts fastest) or the JIT (a .NET runtime compiling as it goes).</summary>
public sealed class BuildCheck(bool? dynamicCodeSupported = null, string? processPath = null) : IDoctorCheck
{
    private const string Subject = "fleet build";

    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var path = processPath ?? Environment.ProcessPath ?? "fleet";
        var finding = dynamicCodeSupported ?? RuntimeFeature.IsDynamicCodeSupported
            ? DoctorFinding.Ok(Subject, $"JIT ({RuntimeInformation.FrameworkDescription}, {path}): the cockpit's first frame takes about 600 ms; " +
                                        "scripts/publish-aot.sh builds the native executable (about 170 ms)")
            : DoctorFinding.Ok(Subject, $"Native AOT ({path})");
        return Task.FromResult<IReadOnlyList<DoctorFinding>>([finding]);
    }
}
