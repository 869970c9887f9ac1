using LtiCurriculum.Web.Install.Cli;
using LtiCurriculum.Web.Tests.Support;

namespace LtiCurriculum.Web.Tests.Cli;

/// <summary>`packs new NAME [--output DIR]`: a pack that `packs validate` accepts as made; a bad name or an existing folder exits 2 saying why.</summary>
public sealed class PackNewTests
{
    /// <summary>As the real process, except that building the app fails: neither command may need settings or a database.</summary>
    private static Task<CliResult> RunAsync(params string[] args) =>
        CliRun.RunAsync((output, errors) => new CliContext(() => throw new InvalidOperationException("packs new and packs validate need no app."), (_, _) => Task.CompletedTask, output, errors), args);

    [Fact]
    public async Task New_pack_passes_packs_validate_as_made()
    {
        using var temp = new TempFolder();

        var made = await RunAsync("packs", "new", "cardiology-prework", "--output", temp.Path);

        Assert.True(made.ExitCode == 0, made.ToString());
        var folder = Path.Combine(temp.Path, "cardiology-prework");
        Assert.Contains($"Created {folder}: pack.yaml, 01-first-module.md.", made.Output);
        var validated = await RunAsync("packs", "validate", folder);
        Assert.True(validated.ExitCode == 0, validated.ToString());
        Assert.Contains("OK\tcardiology-prework\t1 modules, 4 questions", validated.Output);
        Assert.DoesNotContain("WARNING", validated.Output);
        Assert.Equal("", validated.Errors);
    }

    [Fact]
    public async Task Existing_folder_is_refused_with_exit_2_and_left_alone()
    {
        using var temp = new TempFolder();
        var taken = Directory.CreateDirectory(Path.Combine(temp.Path, "taken")).FullName;
        File.WriteAllText(Path.Combine(taken, "notes.txt"), "mine");

        var refused = await RunAsync("packs", "new", "taken", "--output", temp.Path);

        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains($"'{taken}' already exists", refused.Errors);
        Assert.Equal(["notes.txt"], Directory.GetFiles(taken).Select(Path.GetFileName));
        Assert.Equal(["taken"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Where(n => n != "tool.db"));
    }

    [Theory]
    [InlineData("Cardiology", "is not a pack name")]
    [InlineData("../outside", "is not a pack name")]
    [InlineData("flipped-classroom", "already used by a built-in pack")]
    public async Task Bad_name_is_refused_with_exit_2_naming_the_problem(string name, string problem)
    {
        using var temp = new TempFolder();

        var refused = await RunAsync("packs", "new", name, "--output", temp.Path);

        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains(problem, refused.Errors);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task Output_folder_that_does_not_exist_is_refused_with_exit_2()
    {
        using var temp = new TempFolder();
        var missing = Path.Combine(temp.Path, "missing");

        var refused = await RunAsync("packs", "new", "fine-name", "--output", missing);

        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains($"The --output folder '{missing}' does not exist", refused.Errors);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task Missing_name_is_a_usage_error()
    {
        var refused = await RunAsync("packs", "new");

        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains("packs new --help", refused.Errors);
    }
}
