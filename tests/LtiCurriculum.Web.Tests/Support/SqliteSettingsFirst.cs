using System.Runtime.CompilerServices;
using LtiCurriculum.Web.Data;

namespace LtiCurriculum.Web.Tests.Support;

/// <summary>
/// Applies the tool's process-wide SQLite settings before any test opens a connection, as the tool's start does, so
/// every test runs SQLite the way the tool does in production.
/// </summary>
internal static class SqliteSettingsFirst
{
    [ModuleInitializer]
    internal static void Apply() => SqliteProcessSettings.Apply();
}
