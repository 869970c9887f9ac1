using SQLitePCL;

namespace LtiCurriculum.Web.Data;

/// <summary>
/// Process-wide SQLite settings, applied once before the first connection opens (sqlite3_config works only before
/// SQLite initializes: https://www.sqlite.org/c3ref/config.html). Memory statistics go off (SQLITE_CONFIG_MEMSTATUS):
/// the e_sqlite3 build counts every allocation inside SQLite under one global mutex, and the tool reads neither the
/// counts nor a soft heap limit.
/// <para>
/// Multi-thread mode (https://www.sqlite.org/threadsafe.html) would also drop the mutex each connection takes on
/// every call, and measured about as much again, but it is not used: a statement that some code fails to dispose is
/// finalized on the GC's finalizer thread, and in multi-thread mode that races with whichever request holds the
/// connection then; in the serialized mode the library is built with, that same slip is harmless.
/// </para>
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
            Applied = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) == raw.SQLITE_OK;
        }
    }
}
