using System.Globalization;
using LtiCurriculum.Benchmarks.Load;

namespace LtiCurriculum.Benchmarks.Instances;

/// <summary>CPU of the local PostgreSQL server, in ms: every backend and background process, and the bench database's backends alone.</summary>
internal readonly record struct PostgresSample(double AllMs, double BenchMs, int Processes);

/// <summary>
/// Reads the CPU time of every process named <c>postgres</c> from /proc. A backend that exits between two samples
/// (a closed connection) takes its CPU with it, unless its parent reaped it: so the postmaster's cutime + cstime
/// (the CPU of its waited-for children) is added to the total.
/// </summary>
internal static class PostgresMeter
{
    public static PostgresSample Read(string databaseName)
    {
        double all = 0, bench = 0;
        var count = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                if (!stat.Contains("(postgres)", StringComparison.Ordinal))
                {
                    continue;
                }
                // Fields after the command name: [11] utime, [12] stime, [13] cutime, [14] cstime, [1] ppid.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var own = ProcessMeter.Read(pid).CpuMs;
                var isPostmaster = fields[1] == "1" || !IsPostgres(int.Parse(fields[1], CultureInfo.InvariantCulture));
                var children = isPostmaster
                    ? (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) * 1000.0 / ProcessMeter.TicksPerSecond
                    : 0;
                all += own + children;
                count++;
                // A backend's title: "postgres: 15/main: USER DATABASE 127.0.0.1(PORT) STATE".
                if (File.ReadAllText($"/proc/{pid}/cmdline").Contains($" {databaseName} ", StringComparison.Ordinal))
                {
                    bench += own;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while we read it.
            }
        }
        return new PostgresSample(all, bench, count);
    }

    private static bool IsPostgres(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat").Contains("(postgres)", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
