using System.Diagnostics;
using TelephonyHub.Testing.Logs;

namespace TelephonyHub.Testing.Hub;

/// <summary>
/// The hub as its own process (<c>dotnet TelephonyHub.Silo.dll</c>), configured through environment variables the
/// way an operator would. Tests can kill it without warning (SIGKILL) and start it again on the same database.
/// </summary>
public sealed class HubProcess : IRunningHub
{
    private const string ReadyLine = "TelephonyHub listening on";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private HubProcess(HubSettings settings, Process process, LogLines logs)
    {
        Settings = settings;
        _process = process;
        Logs = logs;
    }

    public HubSettings Settings { get; }

    public LogLines Logs { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The operating system's id of the hub process (benchmarks read its CPU and memory from /proc).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts the hub and returns once it listens; <paramref name="logs"/> continues an earlier run's log.</summary>
    public static async Task<HubProcess> StartAsync(HubSettings settings, LogLines? logs = null)
    {
        logs ??= new LogLines();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "TelephonyHub.Silo.dll") },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings.ToConfiguration())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        var runStarts = logs.Count;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Add(logs, line.Data);
        process.ErrorDataReceived += (_, line) => Add(logs, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var ready = logs.WaitForAsync(l => l.Contains(ReadyLine, StringComparison.Ordinal), StartTimeout, "the hub to listen", runStarts);
        if (await Task.WhenAny(ready, exited) == exited)
        {
            throw new InvalidOperationException(
                $"The hub exited with {process.ExitCode} before listening:{Environment.NewLine}{string.Join(Environment.NewLine, logs.Snapshot().Skip(runStarts))}");
        }

        await ready;
        return new HubProcess(settings, process, logs);
    }

    /// <summary>kill -9: no shutdown, no flushing, no goodbye to the cluster.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Add(LogLines logs, string? line)
    {
        if (line is not null)
        {
            logs.Add(line);
        }
    }
}
