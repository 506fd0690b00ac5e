using System.Diagnostics;
using System.Text;

namespace FleetTui.Host.Remote;

/// <summary>
/// One ssh child: its stdin and stdout are the caller's (a byte stream), its stderr is kept (the last few KB) so
/// that a failure can quote ssh's own words.
/// </summary>
public sealed class SshProcess : IAsyncDisposable
{
    private const int StderrKeep = 8 * 1024;
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly Task _stderrPump;

    private SshProcess(Process process)
    {
        _process = process;
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    public Process Process => _process;

    public int Pid => _process.Id;

    public static SshProcess Start(IReadOnlyList<string> argv, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(argv[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var word in argv.Skip(1))
            start.ArgumentList.Add(word);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }
        return new SshProcess(Process.Start(start) ?? throw new RemoteHostException($"could not start {argv[0]}"));
    }

    /// <summary>Runs to the end with no input: its exit code, stdout and stderr.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        await using var ssh = Start(argv);
        ssh._process.StandardInput.Close();
        var output = await ssh._process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await ssh._process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        await ssh._stderrPump.ConfigureAwait(false);
        return (ssh._process.ExitCode, output, ssh.Stderr);
    }

    public Stream Input => _process.StandardInput.BaseStream;

    public Stream Output => _process.StandardOutput.BaseStream;

    public string Stderr
    {
        get
        {
            lock (_stderr)
                return _stderr.ToString().Trim();
        }
    }

    /// <summary>The exit code once ssh ended within <paramref name="wait"/>, else null.</summary>
    public async Task<int?> ExitWithinAsync(TimeSpan wait)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(wait).ConfigureAwait(false);
            await _stderrPump.WaitAsync(wait).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return _process.ExitCode;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private async Task PumpStderrAsync()
    {
        var buffer = new char[1024];
        try
        {
            int read;
            while ((read = await _process.StandardError.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                lock (_stderr)
                {
                    _stderr.Append(buffer, 0, read);
                    if (_stderr.Length > StderrKeep)
                        _stderr.Remove(0, _stderr.Length - StderrKeep);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // ssh went away: what it said so far is kept.
        }
    }

    /// <summary>Closes ssh's input (the remote bridge ends, then ssh), and kills it if it lingers.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Already closed (the client's stream owned it) or ssh already gone.
        }
        if (await ExitWithinAsync(TimeSpan.FromSeconds(3)).ConfigureAwait(false) is null)
        {
            try
            {
                _process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Ended meanwhile.
            }
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        await _stderrPump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _process.Dispose();
    }
}
