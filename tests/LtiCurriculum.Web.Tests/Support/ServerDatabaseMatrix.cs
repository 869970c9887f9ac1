namespace LtiCurriculum.Web.Tests.Support;

/// <summary>
/// Test classes that test.sh runs a second time on PostgreSQL (LTI_TEST_DATABASE=PostgreSQL): whole launch flows,
/// racing writers, two instances on one database, a killed instance. On SQLite they run in the normal pass.
/// </summary>
internal static class ServerDatabaseMatrix
{
    public const string Category = "ServerDatabase";
}
