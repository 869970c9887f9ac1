using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace LtiCurriculum.Curriculum.Loading;

/// <summary>
/// A pack as a set of files (plain file name → bytes): read from an uploaded zip, written to a zip, taken from a
/// pack folder, hashed, and loaded through <see cref="PackLoader"/> like any pack folder.
/// </summary>
public static class PackArchive
{
    // Zip times are local clock times without a zone; a fixed one keeps Write's output the same on every machine's clock.
    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // A regular file, rw-r--r--, in the Unix half of the attributes (what .NET itself writes on Linux).
    private const int RegularFile = unchecked((int)0x81A4_0000);

    /// <summary>Reads an uploaded zip; never throws on bad input. Files by plain file name.</summary>
    public static PackArchiveResult Read(Stream zip, PackArchiveLimits limits) => new PackArchiveReader(limits).Read(zip);

    /// <summary>A deterministic zip (entries sorted ordinally, fixed timestamps, Optimal compression) of pack files.</summary>
    public static byte[] Write(IReadOnlyDictionary<string, byte[]> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = FixedTime;
                entry.ExternalAttributes = RegularFile;
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The files of a pack folder the loader reads or the pack ships: pack.yaml, *.md, *.yaml (top level only).</summary>
    public static IReadOnlyDictionary<string, byte[]> FilesOf(string folder) =>
        Directory.EnumerateFiles(folder)
            .Select(path => (Path: path, Name: Path.GetFileName(path)))
            .Where(f => PackEntryName.IsPackFile(f.Name))
            .ToDictionary(f => f.Name, f => File.ReadAllBytes(f.Path), StringComparer.Ordinal);

    /// <summary>Content hash of a whole pack: lower-case hex SHA-256 over the ordinal-sorted names and bytes (length-prefixed).</summary>
    public static string HashOf(IReadOnlyDictionary<string, byte[]> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            AppendWithLength(hash, Encoding.UTF8.GetBytes(name));
            AppendWithLength(hash, bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AppendWithLength(IncrementalHash hash, byte[] data)
    {
        Span<byte> length = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(length, data.Length);
        hash.AppendData(length);
        hash.AppendData(data);
    }

    /// <summary>
    /// Loads a pack from files: writes them to a new private temp folder, runs <see cref="PackLoader.Load"/>, deletes
    /// the folder (also on failure). The result's Folder is <paramref name="label"/>, which also names the pack in
    /// problems found before its pack.yaml id is known.
    /// </summary>
    public static PackLoadResult Load(IReadOnlyDictionary<string, byte[]> files, string label, bool isBuiltIn)
    {
        var nameProblems = NameProblems(files.Keys, label);
        if (nameProblems.Count > 0)
        {
            return new PackLoadResult(label, null, nameProblems);
        }
        DirectoryInfo? temp = null;
        try
        {
            temp = Directory.CreateTempSubdirectory("lti-pack-");
            foreach (var (name, bytes) in files)
            {
                File.WriteAllBytes(Path.Combine(temp.FullName, name), bytes);
            }
            var loaded = PackLoader.Load(temp.FullName, isBuiltIn);
            var problems = loaded.Problems.Select(p => p with
            {
                Pack = p.Pack == temp.Name ? label : p.Pack,
                Message = p.Message.Replace(temp.FullName, label, StringComparison.Ordinal),
            }).ToList();
            return new PackLoadResult(label, loaded.Pack, problems);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new PackLoadResult(label, null, [new PackProblem(label, "", 0, "The pack could not be checked: the server could not write its temporary copy. Please try again.")]);
        }
        finally
        {
            Delete(temp);
        }
    }

    private static List<PackProblem> NameProblems(IEnumerable<string> names, string label)
    {
        var problems = new List<PackProblem>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            var problem = PackEntryName.FileNameProblem(name)
                ?? (seen.Add(name) ? null : "Another file has the same name but for upper and lower case.");
            if (problem is not null)
            {
                problems.Add(new PackProblem(label, PackEntryName.Display(name), 0, problem));
            }
        }
        return problems;
    }

    private static void Delete(DirectoryInfo? temp)
    {
        try
        {
            temp?.Delete(recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover folder in the temp directory is not worth failing the upload for.
        }
    }
}
