using System.Text;
using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.PackFiles;

/// <summary>A pack as files: from a folder, to a zip and back, hashed, and loaded from a temporary copy.</summary>
public sealed class PackArchiveRoundTripTests
{
    private static string BuiltIn(string id) => Path.Combine(ContentCatalogue.BuiltInFolder, id);

    [Theory]
    [InlineData("flipped-classroom")]
    [InlineData("clinical-prework")]
    public void A_built_in_pack_written_to_a_zip_reads_back_to_the_same_files_and_loads_the_same(string id)
    {
        var files = PackArchive.FilesOf(BuiltIn(id));

        var read = PackArchive.Read(new MemoryStream(PackArchive.Write(files)), new PackArchiveLimits());

        Assert.True(read.Ok, PackAssert.Describe(read.Problems));
        var loaded = PackAssert.Loaded(PackArchive.Load(read.Files!, id + ".zip", isBuiltIn: false));
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), read.Files!.Keys.Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(f.Value, read.Files![f.Key]));
        var fromFolder = PackAssert.Loaded(PackLoader.Load(BuiltIn(id), isBuiltIn: true));
        Assert.Equal(fromFolder.Id, loaded.Id);
        Assert.False(loaded.IsBuiltIn);
        Assert.Equal(fromFolder.Modules.Select(m => (m.Id, m.Version)), loaded.Modules.Select(m => (m.Id, m.Version)));
    }

    [Fact]
    public void The_files_of_a_pack_folder_are_its_pack_yaml_Markdown_and_YAML_files_at_the_top_level()
    {
        using var packs = new TempPacks();
        var folder = packs.Pack("fo").Manifest("fo").File("01-a.md", Samples.Module("fo-a")).File("glossary.es.yaml", "a: b")
            .File("notes.txt", "not a pack file").File("logo.png", "png");
        Directory.CreateDirectory(Path.Combine(folder.Folder, "sub"));
        File.WriteAllText(Path.Combine(folder.Folder, "sub", "02-b.md"), "deeper");

        Assert.Equal(["01-a.md", "glossary.es.yaml", "pack.yaml"], PackArchive.FilesOf(folder.Folder).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Writing_the_same_files_twice_gives_the_same_bytes_whatever_their_order()
    {
        var files = PackArchive.FilesOf(BuiltIn("curriculum-overhaul"));
        var reversed = files.Reverse().ToDictionary(f => f.Key, f => f.Value);

        var first = PackArchive.Write(files);

        Assert.Equal(first, PackArchive.Write(files));
        Assert.Equal(first, PackArchive.Write(reversed));
    }

    [Fact]
    public void The_pack_hash_is_stable_order_independent_and_sees_every_byte_and_name()
    {
        var files = Files(("pack.yaml", "id: h"), ("01-a.md", "text"));
        var hash = PackArchive.HashOf(files);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, PackArchive.HashOf(Files(("01-a.md", "text"), ("pack.yaml", "id: h"))));
        Assert.NotEqual(hash, PackArchive.HashOf(Files(("pack.yaml", "id: h"), ("01-a.md", "texT"))));
        Assert.NotEqual(hash, PackArchive.HashOf(Files(("pack.yaml", "id: h"), ("01-b.md", "text"))));
        Assert.NotEqual(PackArchive.HashOf(Files(("ab", "c"))), PackArchive.HashOf(Files(("a", "bc"))));
    }

    [Fact]
    public void Loading_files_without_pack_yaml_names_the_pack_by_its_label_not_a_temporary_folder()
    {
        var result = PackArchive.Load(Files(("01-a.md", Samples.Module("nl-a"))), "our-pack.zip", isBuiltIn: false);

        PackAssert.OnlyProblem(result, "our-pack.zip", "pack.yaml", 0, "no pack.yaml");
        Assert.Equal("our-pack.zip", result.Folder);
    }

    [Theory]
    [InlineData("../escape.md", "'..'")]
    [InlineData("sub/01-a.md", "contains a folder")]
    [InlineData("/tmp/x.md", "absolute path")]
    public void Loading_a_file_whose_name_is_not_a_plain_file_name_is_refused_without_writing_it(string name, string messagePart)
    {
        var result = PackArchive.Load(Files(("pack.yaml", Samples.Manifest("pl")), (name, Samples.Module("pl-a"))), "pl.zip", isBuiltIn: false);

        PackAssert.OnlyProblem(result, "pl.zip", name, 0, messagePart);
    }

    [Fact]
    public void Loading_two_files_whose_names_differ_only_in_case_is_refused()
    {
        var result = PackArchive.Load(Files(("pack.yaml", Samples.Manifest("cs")), ("01-a.md", "a"), ("01-A.md", "b")), "cs.zip", isBuiltIn: false);

        Assert.Contains(result.Problems, p => p.File is "01-a.md" or "01-A.md" && p.Message.Contains("upper and lower case", StringComparison.Ordinal));
    }

    private static Dictionary<string, byte[]> Files(params (string Name, string Text)[] files) =>
        files.ToDictionary(f => f.Name, f => Encoding.UTF8.GetBytes(f.Text), StringComparer.Ordinal);
}
