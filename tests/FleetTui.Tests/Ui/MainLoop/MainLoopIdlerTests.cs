using FleetTui.Tests.Demo;
using FleetTui.Ui.MainLoop;
using Shouldly;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;
using Xunit;

namespace FleetTui.Tests.Ui.MainLoop;

/// <summary>
/// The real Terminal.Gui main loop (headless ANSI driver) with the idler, whose safety-net sleep is an hour here:
/// anything that happens while it sleeps is seen only if the idler is woken for it, so a missed wake-up hangs the test.
/// </summary>
public sealed class MainLoopIdlerTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TaskCompletionSource<(IApplication App, MainLoopIdler Idler)> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _loop;
    private int _iterations;

    public MainLoopIdlerTests()
    {
        _loop = new Thread(() =>
        {
            try
            {
                using var app = Application.Create().Init(DriverRegistry.Names.ANSI);
                using var idler = new MainLoopIdler(app, framesPerSecond: 60, longestSleep: TimeSpan.FromHours(1));
                app.Iteration += (_, _) => Interlocked.Increment(ref _iterations);
                using var window = new Window();
                _started.SetResult((app, idler));
                app.Run(window);
            }
            catch (Exception e)
            {
                _started.TrySetException(e);
            }
        }) { IsBackground = true };
        _loop.Start();
    }

    private async Task<(IApplication App, MainLoopIdler Idler)> AsleepAsync()
    {
        var (app, idler) = await _started.Task.WaitAsync(Patience);
        await Eventually.HoldsAsync(() => Task.FromResult(idler.IsSleeping), asleep => asleep, "the loop to fall asleep", Patience);
        return (app, idler);
    }

    [Fact]
    public async Task An_invoke_from_another_thread_wakes_the_sleeping_loop()
    {
        var (app, _) = await AsleepAsync();
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        app.Invoke(() => ran.SetResult());

        await ran.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_timer_set_before_the_loop_fell_asleep_fires_on_time_and_the_loop_does_not_iterate_meanwhile()
    {
        var (app, idler) = await AsleepAsync();
        var fired = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var added = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        // Added on the loop's thread, then the loop goes back to sleep: only the timer's due time can wake it.
        app.Invoke(() =>
        {
            app.AddTimeout(TimeSpan.FromMilliseconds(1500), () =>
            {
                fired.SetResult(Volatile.Read(ref _iterations));
                return false;
            });
            added.SetResult(Volatile.Read(ref _iterations));
        });
        var atAdd = await added.Task.WaitAsync(Patience);
        var atFire = await fired.Task.WaitAsync(Patience);

        // A loop paced at 60 frames a second would have iterated ~90 times; this one stayed busy for its hot period
        // (250 ms, ~15 frames) after the Invoke, then slept until the timer was due.
        (atFire - atAdd).ShouldBeLessThan(40);
    }

    [Fact]
    public async Task A_key_queued_as_the_loop_falls_asleep_is_handled_without_waiting_out_the_sleep()
    {
        var (app, idler) = await AsleepAsync();
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var injected = 0;
        app.Keyboard.KeyDown += (_, key) =>
        {
            if (key == Key.F7)
                handled.TrySetResult();
        };
        // What the input thread does when a key arrives between the loop's last look at its input queue and its sleep:
        // the key waits in the queue, and the wake-up for it rang before the sleep began.
        idler.BeforeSleep = () =>
        {
            if (Interlocked.Exchange(ref injected, 1) == 0)
            {
                // Queued for the loop to process, as the input thread does (the default injection handles it at once).
                app.GetInputInjector().InjectKey(Key.F7, new InputInjectionOptions { Mode = InputInjectionMode.Pipeline, AutoProcess = false });
                idler.WakeUrgently();
            }
        };

        app.Invoke(() => { }); // wakes the loop; when its hot period ends it falls asleep again, through BeforeSleep

        await handled.Task.WaitAsync(Patience);
    }

    public async ValueTask DisposeAsync()
    {
        if (_started.Task.IsCompletedSuccessfully)
        {
            var (app, _) = await _started.Task;
            app.Invoke(() => app.RequestStop());
            _loop.Join(Patience).ShouldBeTrue("the loop stops");
        }
    }
}
