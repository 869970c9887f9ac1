namespace LtiCurriculum.Web.Tests.Install;

/// <summary>Files of the repository the tests run from (the folder holding LtiCurriculum.sln).</summary>
internal static class RepositoryFiles
{
    public static string Read(string relativePath)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LtiCurriculum.sln")))
            {
                return File.ReadAllText(Path.Combine(folder.FullName, relativePath));
            }
        }
        throw new InvalidOperationException($"LtiCurriculum.sln is not in {AppContext.BaseDirectory} or any folder above it.");
    }
}
