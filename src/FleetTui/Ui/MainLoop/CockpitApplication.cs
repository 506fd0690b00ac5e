using System.Reflection;
using FleetTui.Display;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace FleetTui.Ui.MainLoop;

/// <summary>
/// Creates the Terminal.Gui application with the ANSI driver reading through <see cref="QuietAnsiInput"/> and writing
/// through <see cref="BatchedAnsiOutput"/>.
/// Terminal.Gui 2.5 builds its drivers by name and accepts a component factory (the only way to hand it an input) through an
/// internal constructor only, so that constructor is reached by reflection. If a Terminal.Gui update removes it, the stock
/// driver is used (correct, only busier when idle) and a test (CockpitApplicationTests) fails so the update is noticed.
/// </summary>
internal static class CockpitApplication
{
    /// <summary>The application, and the quiet input when it could be used (null: the stock input and output are used).</summary>
    /// <param name="depth">The terminal's colour depth: every colour is sent at it.</param>
    public static (IApplication App, QuietAnsiInput? Input) Create(ColorDepth depth = ColorDepth.TrueColor)
    {
        if (ApplicationImplConstructor() is not { } constructor || MarkInstanceBasedModelUsed() is not { } markModel)
            return (Application.Create(), null);

        // AnsiInput puts the terminal in raw mode and AnsiOutput switches to the alternate screen when constructed,
        // so make them only once they will surely be used.
        var input = new QuietAnsiInput();
        markModel.Invoke(null, null);
        var app = (IApplication)constructor.Invoke([new AnsiComponentFactory(input, new BatchedAnsiOutput { Depth = depth })]);
        return (app, input);
    }

    // The type is named by a literal so that the trimmer (Native AOT publish) sees it and keeps the members asked for.
    internal static ConstructorInfo? ApplicationImplConstructor() =>
        Type.GetType("Terminal.Gui.App.ApplicationImpl, Terminal.Gui")
            ?.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, [typeof(IComponentFactory)]);

    /// <summary>What <see cref="Application.Create"/> does first: declares the instance-based model (no static Application).</summary>
    internal static MethodInfo? MarkInstanceBasedModelUsed() =>
        Type.GetType("Terminal.Gui.App.ApplicationImpl, Terminal.Gui")
            ?.GetMethod("MarkInstanceBasedModelUsed", BindingFlags.Static | BindingFlags.NonPublic, []);
}
