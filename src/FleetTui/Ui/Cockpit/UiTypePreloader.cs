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
    public static void Start() => _ = Task.Run(Preload);

    private static void Preload()
    {
        try
        {
            _ = CockpitApplication.ApplicationImplConstructor();
            foreach (var type in new[]
                     {
                         typeof(View), typeof(Window), typeof(Label), typeof(AnsiInput), typeof(AnsiOutput), typeof(OutputBufferImpl),
                         typeof(AnsiComponentFactory), typeof(FleetApp), typeof(PaneView),
                     })
                RuntimeHelpers.RunClassConstructor(type.TypeHandle);
        }
        catch (Exception e) when (e is TypeInitializationException or TypeLoadException)
        {
            // The main thread will meet (and report) the same problem when it gets there.
        }
    }
}
