using System.Globalization;
using System.Runtime.InteropServices;

namespace LtiCurriculum.Benchmarks.Load;

/// <summary>CPU time and peak memory of a process, read from Linux's /proc.</summary>
internal readonly record struct ProcessSample(double CpuMs, long PeakRssKb, long RssKb);

/// <summary>CPU time of the whole machine (all cores) from /proc/stat: busy and total, in ms.</summary>
internal readonly record struct MachineSample(double BusyMs, double TotalMs);

internal static class ProcessMeter
{
    private const int ScClkTck = 2; // _SC_CLK_TCK on Linux

    public static readonly long TicksPerSecond = ClockTicks();

    /// <summary>utime + stime (fields 14 and 15 of /proc/PID/stat) and VmHWM / VmRSS of /proc/PID/status.</summary>
    public static ProcessSample Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);

        long peak = 0, rss = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
        }
        return new ProcessSample(ticks * 1000.0 / TicksPerSecond, peak, rss);
    }

    /// <summary>The first line of /proc/stat: user nice system idle iowait irq softirq steal …; idle + iowait are not busy.</summary>
    public static MachineSample ReadMachine()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        var idle = fields[3] + fields[4];
        return new MachineSample((total - idle) * 1000.0 / TicksPerSecond, total * 1000.0 / TicksPerSecond);
    }

    public static bool CanRead(int pid) => File.Exists($"/proc/{pid}/stat");

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static long ClockTicks()
    {
        try
        {
            var value = SysConf(ScClkTck);
            return value > 0 ? value : 100;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return 100;
        }
    }

    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern long SysConf(int name);
}
