using System.Runtime.CompilerServices;
using FleetTui.Ui.MainLoop;
using FleetTui.Ui.Panes;
using Terminal.Gui.Drivers;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FleetTui.Ui.Cockpit;

/// <summary>
/// Loads Terminal.Gui and the cockpit's view types (assembly load, type layout, static constructors) on a pool thread
/// while the main thread reads git and fleet.toml: about a tenth of a second the first frame would otherwise wait for.
/// Side-effect free: nothing is constructed and the terminal is not touched.
/// </summary>
internal static class UiTypePreloader
{
    /// <summary>Starts the preload; a Native AOT build has everything compiled and laid out already, so there it does nothing.</summary>
    public static void Start()
    {
        if (RuntimeFeature.IsDynamicCodeSupported)
            _ = Task.Run(Preload);
    }

    private static void Preload()
    {
        try
        {
            _ = CockpitApplication.ApplicationImplConstructor();
            // One call per type, each naming it, so that the trimmer can see which static constructors are needed.
            RuntimeHelpers.RunClassConstructor(typeof(View).TypeHandle);
            RuntimeHelpers.RunClassConstructor(typeof(Window).TypeHandle);
            RuntimeHelpers.RunClassConstructor(typeof(Label).TypeHandle);
            RuntimeHelpers.RunClassConstructor(typeof(AnsiInput).TypeHandle);
            RuntimeHelpers.RunClassConstructor(typeof(AnsiOutput).TypeHandle);
            RuntimeHelpers.RunClassConstructor(typeof(OutputBufferImpl).TypeHandle);
            RuntimeHelpers.RunClassConstructor(typeof(AnsiComponentFactory).TypeHandle);
            RuntimeHelpers.RunClassConstructor(typeof(FleetApp).TypeHandle);
            RuntimeHelpers.RunClassConstructor(typeof(PaneView).TypeHandle);
        }
        catch (Exception e) when (e is TypeInitializationException or TypeLoadException)
        {
            // The main thread will meet (and report) the same problem when it gets there.
        }
    }
}
