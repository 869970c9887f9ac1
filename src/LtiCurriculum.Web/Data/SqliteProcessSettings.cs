using SQLitePCL;

namespace LtiCurriculum.Web.Data;

/// <summary>
/// Process-wide SQLite settings, applied once before the first connection opens (sqlite3_config works only before
/// SQLite initializes: https://www.sqlite.org/c3ref/config.html).
/// <list type="bullet">
/// <item>Multi-thread mode (https://www.sqlite.org/threadsafe.html): no mutex around every call on a connection. Safe
/// here because no connection is ever used by two threads at once: an ADO.NET connection is not thread-safe anyway,
/// and the kept-open connections are held under a lock or rented from a pool.</item>
/// <item>No memory statistics (SQLITE_CONFIG_MEMSTATUS off): otherwise every allocation inside SQLite takes one global
/// mutex to count itself. The tool reads neither the counts nor a soft heap limit.</item>
/// </list>
/// Measured on the first-launch benchmark: about 2 % less tool CPU per flow (mutex calls were ~2 % of the profile).
/// </summary>
internal static class SqliteProcessSettings
{
    private static readonly Lock Gate = new();
    private static bool _done;

    /// <summary>
    /// True when this call or an earlier one applied the settings; false when SQLite was already in use (for example a
    /// test host opened a connection first), in which case it keeps its defaults, which are correct, only slower.
    /// </summary>
    public static bool Applied { get; private set; }

    public static void Apply()
    {
        lock (Gate)
        {
            if (_done)
            {
                return;
            }
            _done = true;
            Batteries_V2.Init();
            Applied = raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD) == raw.SQLITE_OK
                && raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) == raw.SQLITE_OK;
        }
    }
}
