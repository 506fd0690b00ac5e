using System.Runtime.CompilerServices;

namespace FleetTui.Tests.Ui;

/// <summary>Terminal.Gui's drivers write to the real console unless told not to; every headless view test needs this first.</summary>
internal static class HeadlessDriverSetup
{
    [ModuleInitializer]
    internal static void DisableRealDriverIO() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}
