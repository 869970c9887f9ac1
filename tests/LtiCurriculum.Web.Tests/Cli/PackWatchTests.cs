using LtiCurriculum.Web.Install.Cli;

namespace LtiCurriculum.Web.Tests.Cli;

/// <summary>`packs watch FOLDER` checks its folder before it starts anything.</summary>
public sealed class PackWatchTests
{
    [Fact]
    public async Task Missing_folder_exits_2_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-pack-folder-" + Guid.NewGuid().ToString("N"));

        var result = await CliRun.RunAsync((output, errors) => new CliContext(() => throw new InvalidOperationException("packs watch checks the folder before building the app."), (_, _) => Task.CompletedTask, output, errors),
            "packs", "watch", missing);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains($"'{missing}' is not a folder", result.Errors);
        Assert.Equal("", result.Output);
    }
}
