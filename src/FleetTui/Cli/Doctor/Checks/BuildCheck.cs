using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FleetTui.Cli.Doctor.Checks;

/// <summary>
/// Which build of fleet is running: the Native AOT executable (what <c>dotnet tool install FleetTui</c> gives on linux-x64
/// and linux-arm64; starts fastest) or the JIT one (framework-dependent: a .NET runtime compiling as it goes, as a plain
/// <c>dotnet build</c>, <c>dotnet run</c> or the <c>any</c> tool package runs).
/// </summary>
public sealed class BuildCheck(bool? dynamicCodeSupported = null, string? processPath = null) : IDoctorCheck
{
    private const string Subject = "fleet build";

    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var path = processPath ?? Environment.ProcessPath ?? "fleet";
        var finding = dynamicCodeSupported ?? RuntimeFeature.IsDynamicCodeSupported
            ? DoctorFinding.Ok(Subject, $"JIT (framework-dependent, {RuntimeInformation.FrameworkDescription}, {path}): the cockpit's first frame " +
                                        "waits for the JIT (600 ms or more); the native build does not: scripts/pack-tool.sh, then " +
                                        "`dotnet tool install --global --add-source artifacts/tool FleetTui` (or scripts/publish-aot.sh)")
            : DoctorFinding.Ok(Subject, $"Native AOT ({RuntimeInformation.RuntimeIdentifier}, {path})");
        return Task.FromResult<IReadOnlyList<DoctorFinding>>([finding]);
    }
}
