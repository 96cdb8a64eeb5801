using System.Diagnostics;

namespace TelephonyHub.Testing.PostgreSql;

/// <summary>Runs a command line tool to completion and fails with its output when it fails.</summary>
internal static class PostgreSqlTool
{
    /// <summary>The server refuses to run as root (reference orleans-10.md), so root runs the tools as <c>postgres</c>.</summary>
    public static bool MustSwitchUser => Environment.IsPrivilegedProcess;

    /// <summary>The account the server runs under when <see cref="MustSwitchUser"/>.</summary>
    public const string ServerAccount = "postgres";

    /// <summary>Runs a PostgreSQL tool, as <see cref="ServerAccount"/> when the test process is root.</summary>
    public static Task<string> RunServerToolAsync(string tool, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken) =>
        MustSwitchUser
            ? RunAsync("runuser", ["-u", ServerAccount, "--", tool, .. arguments], workingDirectory, cancellationToken)
            : RunAsync(tool, arguments, workingDirectory, cancellationToken);

    /// <summary>Runs <paramref name="fileName"/> and returns its standard output and error.</summary>
    /// <exception cref="InvalidOperationException">The tool exited with a non-zero code (the message carries its output).</exception>
    public static async Task<string> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            // The postgres account cannot enter the test's working directory (often under /root); the tools fail
            // with "could not identify current directory" there.
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var text = (await output) + (await error);
        return process.ExitCode == 0
            ? text
            : throw new InvalidOperationException(
                $"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} exited with code {process.ExitCode}:{Environment.NewLine}{text}");
    }
}
