using Microsoft.Data.Sqlite;

namespace LtiCurriculum.Web.Tests.Support;

/// <summary>A folder for one test's (or one class's) database, deleted at the end.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("lticurriculum-web-tests-").FullName;
    }

    public string Path { get; }

    public string DatabaseFile => System.IO.Path.Combine(Path, "tool.db");

    public void Dispose()
    {
        // Pooled SQLite connections keep the file open; close them before deleting.
        SqliteConnection.ClearAllPools();
        TestDatabase.Drop(DatabaseFile);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Another instance still closing; the OS temp folder is cleaned eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
