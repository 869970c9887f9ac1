using System.Text;
using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Curriculum.Tests.Support;

namespace LtiCurriculum.Curriculum.Tests.PackFiles;

/// <summary>Reading an uploaded pack zip: what passes, and every way a hostile or careless upload is refused.</summary>
public sealed class PackArchiveTests
{
    [Fact]
    public void A_pack_zipped_at_the_root_is_read_file_by_file()
    {
        var result = Read(Zips.Of(Zips.Pack("zr")));

        Assert.True(result.Ok, Describe(result));
        Assert.Equal(["01-a.md", "pack.yaml"], result.Files!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Samples.Manifest("zr"), Encoding.UTF8.GetString(result.Files!["pack.yaml"]));
    }

    [Fact]
    public void A_zipped_folder_loses_its_folder_and_the_macOS_extras_are_ignored()
    {
        var zip = Zips.Of([("my pack/", ""), .. Zips.Pack("zf", "my pack/"), ("my pack/.DS_Store", "\0\0"),
            ("__MACOSX/", ""), ("__MACOSX/my pack/._01-a.md", "\0resource fork")]);

        var result = Read(zip);

        Assert.True(result.Ok, Describe(result));
        Assert.Equal(["01-a.md", "pack.yaml"], result.Files!.Keys.Order(StringComparer.Ordinal));
        PackAssert.Loaded(PackArchive.Load(result.Files!, "my pack.zip", isBuiltIn: false));
    }

    [Fact]
    public void A_zip_larger_than_the_limit_is_refused_before_it_is_read()
    {
        var upload = new MemoryStream(Zips.Of(Zips.Pack("big")));

        var result = PackArchive.Read(upload, new PackArchiveLimits(MaxZipBytes: 200));

        Refused(result, "", "may be at most 200 bytes");
        Assert.Equal(0, upload.Position);
        Assert.Null(result.Files);
    }

    [Fact]
    public void An_endless_upload_is_read_no_further_than_one_byte_past_the_limit()
    {
        var upload = new EndlessUpload();

        var result = PackArchive.Read(upload, new PackArchiveLimits(MaxZipBytes: 1_000_000));

        Refused(result, "", "may be at most");
        Assert.Equal(1_000_001, upload.BytesRead);
    }

    [Fact]
    public void A_zip_with_more_entries_than_the_limit_is_refused_counting_folders_and_ignored_files()
    {
        var zip = Zips.Of([.. Zips.Pack("many", "p/"), ("p/", ""), ("p/.DS_Store", "")]);

        Refused(Read(zip, new PackArchiveLimits(MaxEntries: 3)), "", "holds 4 entries");
        Assert.True(Read(zip, new PackArchiveLimits(MaxEntries: 4)).Ok);
    }

    [Fact]
    public void A_file_larger_than_a_pack_file_may_be_is_refused()
    {
        var zip = Zips.Of([.. Zips.Pack("big"), ("02-big.md", RandomText(PackLoader.MaxFileBytes + 1))]);

        Refused(Read(zip), "02-big.md", "a pack file may be at most");
    }

    [Fact]
    public void An_entry_whose_header_understates_its_size_is_refused_as_damaged_not_read_short()
    {
        var zip = Zips.WithClaimedSize(Zips.Of(("pack.yaml", Samples.Manifest("lie")), ("01-a.md", RandomText(2_000_000))), 100);

        var result = Read(zip);

        Refused(result, "01-a.md", "damaged");
        Refused(result, "pack.yaml", "damaged");
    }

    [Fact]
    public void Files_together_larger_than_the_total_limit_are_refused_from_the_file_that_crosses_it()
    {
        var zip = Zips.Of([.. Zips.Pack("total"), ("02-b.md", RandomText(30_000)), ("03-c.md", RandomText(30_000)), ("04-d.md", RandomText(30_000))]);

        var result = Read(zip, new PackArchiveLimits(MaxTotalBytes: 50_000));

        Refused(result, "03-c.md", "uncompressed, more than a pack may hold");
        Assert.Equal(["01-a.md", "02-b.md", "pack.yaml"], result.Files!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_file_that_compresses_far_better_than_text_is_refused_as_a_zip_bomb()
    {
        var zip = Zips.Of([.. Zips.Pack("bomb"), ("02-bomb.md", new string('a', 900_000))]);

        Refused(Read(zip), "02-bomb.md", "zip bomb");
    }

    [Fact]
    public void Fifty_megabytes_of_zeros_are_refused()
    {
        var zip = Zips.Of([.. Zips.Pack("bomb").Select(e => (e.Name, Encoding.UTF8.GetBytes(e.Text))), ("02-zeros.md", new byte[50_000_000])]);
        Assert.True(zip.Length < 100_000, $"the test's bomb should compress about 1000:1 but is {zip.Length} bytes");

        var result = Read(zip);

        Refused(result, "02-zeros.md", "at most");
        Assert.DoesNotContain("02-zeros.md", result.Files!.Keys);
    }

    [Fact]
    public void A_zip_bomb_whose_header_claims_a_small_size_is_refused()
    {
        var zip = Zips.WithClaimedSize(Zips.Of(("pack.yaml", new byte[50_000_000])), 100);

        Refused(Read(zip), "pack.yaml", "damaged");
    }

    [Fact]
    public void A_small_file_that_compresses_well_is_fine()
    {
        var zip = Zips.Of([.. Zips.Pack("small"), ("glossary.es.yaml", "# " + new string('-', 10_000))]);

        Assert.True(Read(zip).Ok);
    }

    [Theory]
    [InlineData("../x.md", "'..'")]
    [InlineData("pack/../../x.md", "'..'")]
    [InlineData("./x.md", "'.'")]
    [InlineData("/etc/x.md", "absolute path")]
    [InlineData("C:/x.md", "drive letter")]
    [InlineData("a\\b.md", "backslash")]
    [InlineData("..\\..\\x.md", "backslash")]
    [InlineData("a//b.md", "empty folder name")]
    [InlineData("x.md:hidden", "not allowed in file names")]
    [InlineData("x\u0000.md", "control characters")]
    [InlineData("x\n.md", "control characters")]
    public void A_path_that_could_leave_the_pack_is_refused_by_name(string name, string messagePart)
    {
        var result = Read(Zips.Of([.. Zips.Pack("tr"), (name, "text")]));

        Refused(result, name.Replace('\0', '?').Replace('\n', '?'), messagePart);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void A_name_longer_than_200_characters_is_refused()
    {
        var name = new string('n', 198) + ".md";

        Refused(Read(Zips.Of([.. Zips.Pack("long"), (name, "text")])), name[..200] + "…", "longer than 200 characters");
    }

    [Theory]
    [InlineData("a/b/c.md")]
    [InlineData("pack/sub/c.md")]
    public void A_file_in_a_sub_folder_is_refused_because_packs_are_flat(string name)
    {
        var folder = name.StartsWith("pack/", StringComparison.Ordinal) ? "pack/" : "";

        Refused(Read(Zips.Of([.. Zips.Pack("flat", folder), (name, "text")])), name, "Packs are flat");
    }

    [Fact]
    public void Files_in_two_top_level_folders_are_refused_because_packs_are_flat()
    {
        var result = Read(Zips.Of(("one/pack.yaml", Samples.Manifest("two")), ("two/01-a.md", Samples.Module("two-a"))));

        Refused(result, "one/pack.yaml", "Packs are flat");
        Refused(result, "two/01-a.md", "Packs are flat");
    }

    [Theory]
    [InlineData("logo.png")]
    [InlineData("notes.txt")]
    [InlineData("pack.yml")]
    [InlineData("01-b.MD")]
    [InlineData("run.exe")]
    public void A_file_that_is_not_Markdown_or_YAML_is_refused_by_name(string name)
    {
        Refused(Read(Zips.Of([.. Zips.Pack("type"), (name, "x")])), name, "Only pack.yaml, Markdown (.md) and YAML (.yaml) files belong in a pack");
    }

    [Theory]
    [InlineData("01-a.md")]
    [InlineData("01-A.md")]
    [InlineData("PACK.yaml")]
    public void A_second_file_with_the_same_name_in_any_case_is_refused(string name)
    {
        var result = Read(Zips.Of([.. Zips.Pack("dup"), (name, "x")]));

        Refused(result, name, "more than once");
        Assert.Single(result.Problems);
    }

    [Fact]
    public void A_zip_without_pack_yaml_is_refused()
    {
        var result = Read(Zips.Of(("01-a.md", Samples.Module("none-a"))));

        Refused(result, "pack.yaml", "no pack.yaml");
        Assert.Null(result.Files);
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var result = Read(Zips.Of(("../evil.md", "x"), ("logo.png", "x"), ("01-a.md", "x"), ("01-A.md", "x"), ("sub/dir/x.md", "x")));

        Assert.Equal(["../evil.md", "01-A.md", "logo.png", "pack.yaml", "sub/dir/x.md"], result.Problems.Select(p => p.File).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_password_protected_entry_is_refused()
    {
        Refused(Read(Zips.WithEncryptedFlag(Zips.Of(Zips.Pack("secret")))), "pack.yaml", "password-protected");
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 })]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 })]
    public void Bytes_that_are_not_a_zip_are_refused_with_one_problem(byte[] bytes)
    {
        var result = Read(bytes);

        Assert.Null(result.Files);
        Assert.Equal(PackArchiveReader.Upload, Assert.Single(result.Problems).Pack);
        Assert.Matches("(not a readable zip archive|The file is empty)", result.Problems[0].Message);
    }

    [Fact]
    public void A_zip_cut_short_anywhere_or_with_any_byte_flipped_is_refused_and_never_throws()
    {
        var zip = Zips.Of(Zips.Pack("cut"));

        for (var length = 0; length < zip.Length; length++)
        {
            var result = Read(zip[..length]);
            Assert.False(result.Ok, $"cut at {length} of {zip.Length} bytes was accepted");
        }
        for (var at = 0; at < zip.Length; at++)
        {
            var flipped = (byte[])zip.Clone();
            flipped[at] ^= 0xFF;
            _ = Read(flipped);
        }
    }

    [Fact]
    public void A_valid_zip_with_a_broken_module_reads_and_then_fails_to_load_at_the_modules_line()
    {
        var read = Read(Zips.Of(("pack.yaml", Samples.Manifest("broken")), ("01-a.md", Samples.Module("broken-a").Replace("minutes: 10\n", "minutes: 10\nminutes: 12\n"))));
        Assert.True(read.Ok, Describe(read));

        var loaded = PackArchive.Load(read.Files!, "broken.zip", isBuiltIn: false);

        PackAssert.OnlyProblem(loaded, "broken", "01-a.md", 6, "Duplicate key");
        Assert.Equal("broken.zip", loaded.Folder);
    }

    private static PackArchiveResult Read(byte[] zip, PackArchiveLimits? limits = null) => PackArchive.Read(new MemoryStream(zip), limits ?? new PackArchiveLimits());

    private static PackProblem Refused(PackArchiveResult result, string file, string messagePart)
    {
        Assert.False(result.Ok, "Expected the upload to be refused, but it was accepted.");
        var found = result.Problems.FirstOrDefault(p => p.Pack == "upload" && p.File == file && p.Line == 0 && p.Message.Contains(messagePart, StringComparison.Ordinal));
        Assert.True(found is not null, $"Expected a problem upload/{file} containing \"{messagePart}\", but got:\n{Describe(result)}");
        return found!;
    }

    private static string Describe(PackArchiveResult result) => PackAssert.Describe(result.Problems);

    // Letters at random compress about 1.7:1, like text and unlike a bomb.
    private static string RandomText(int length)
    {
        var random = new Random(length);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + r.Next(26));
            }
        });
    }
}
