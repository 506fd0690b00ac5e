using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace FleetTui.Demo;

/// <summary>
/// Feeds the demo agent from the real terminal: keys read in raw mode (<see cref="Console.ReadKey(bool)"/>) on a background thread,
/// and SIGWINCH as <see cref="DemoAgentInput.Resized"/>. When stdin is not a terminal, characters are read instead (Enter = CR/LF).
/// </summary>
public sealed class ConsoleAgentInput : IDisposable
{
    private readonly Channel<DemoAgentInput> _channel = Channel.CreateUnbounded<DemoAgentInput>(new UnboundedChannelOptions { SingleReader = true });
    private readonly PosixSignalRegistration? _resize;

    public ConsoleAgentInput()
    {
        if (!OperatingSystem.IsWindows())
            _resize = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => _channel.Writer.TryWrite(new DemoAgentInput.Resized()));
        new Thread(ReadKeys) { IsBackground = true, Name = "demo-agent keys" }.Start();
    }

    public ChannelReader<DemoAgentInput> Reader => _channel.Reader;

    /// <summary>The terminal's width now (80 when there is no terminal).</summary>
    public static int Width()
    {
        try
        {
            return Console.IsOutputRedirected ? 80 : Math.Max(Console.WindowWidth, 1);
        }
        catch (IOException)
        {
            return 80;
        }
    }

    /// <summary>The terminal's height now (24 when there is no terminal).</summary>
    public static int Height()
    {
        try
        {
            return Console.IsOutputRedirected ? 24 : Math.Max(Console.WindowHeight, 1);
        }
        catch (IOException)
        {
            return 24;
        }
    }

    private void ReadKeys()
    {
        try
        {
            while (true)
            {
                DemoAgentInput next;
                if (Console.IsInputRedirected)
                {
                    var c = Console.In.Read();
                    if (c < 0)
                        break;
                    next = c is '\r' or '\n' ? DemoAgentInput.Enter : DemoAgentInput.Press((char)c);
                }
                else
                {
                    next = new DemoAgentInput.Key(Console.ReadKey(intercept: true));
                }
                _channel.Writer.TryWrite(next);
            }
        }
        catch (Exception error) when (error is IOException or InvalidOperationException)
        {
            // The terminal went away: end the input, the agent treats that as end of session.
        }
        _channel.Writer.TryComplete();
    }

    public void Dispose() => _resize?.Dispose();
}
