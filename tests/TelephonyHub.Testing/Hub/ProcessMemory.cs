using System.Globalization;

namespace TelephonyHub.Testing.Hub;

/// <summary>
/// Another process's resident memory as Linux reports it (<c>/proc/{pid}/status</c>): now (VmRSS) and the peak
/// (VmHWM), which <see cref="TryResetPeak"/> sets back to the current value so a benchmark can measure the peak of
/// one piece of work. Null where /proc is not available.
/// </summary>
public sealed class ProcessMemory(int processId)
{
    /// <summary>Resident bytes now.</summary>
    public long? Resident => Read("VmRSS:");

    /// <summary>The highest resident bytes since the process started or <see cref="TryResetPeak"/>.</summary>
    public long? Peak => Read("VmHWM:");

    /// <summary>Writes 5 to <c>/proc/{pid}/clear_refs</c> (Linux 4.0+): the peak restarts from the current value.</summary>
    public bool TryResetPeak()
    {
        try
        {
            File.WriteAllText($"/proc/{processId}/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private long? Read(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            var kilobytes = line?[field.Length..].Trim().Split(' ')[0];
            return kilobytes is null ? null : long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
