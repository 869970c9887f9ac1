namespace LtiCurriculum.Web.Data;

/// <summary>Configuration section <c>Database</c> plus <c>ConnectionStrings:Default</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (default, embedded), <c>SqlServer</c> or <c>PostgreSQL</c> (server databases).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Folder of the SQLite file when no connection string is given; relative to the content root.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>
    /// Apply pending migrations at start. Unset means: yes on SQLite (the embedded database has no deployment step),
    /// no on server databases, where the deployment runs <c>migrate</c> once instead of every instance racing to.
    /// </summary>
    public bool? MigrateAtStart { get; set; }

    public bool MigratesAtStart => MigrateAtStart ?? IsSqlite;

    public bool IsSqlite => Provider.Trim().Equals("Sqlite", StringComparison.OrdinalIgnoreCase);
}
