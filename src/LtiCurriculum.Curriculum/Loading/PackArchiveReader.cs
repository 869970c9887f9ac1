using System.IO.Compression;

namespace LtiCurriculum.Curriculum.Loading;

/// <summary>
/// Reads one uploaded pack zip under <see cref="PackArchiveLimits"/>, collecting every problem. Sizes in entry
/// headers are not trusted: every entry is read through counting limits and its CRC-32 checked.
/// </summary>
internal sealed class PackArchiveReader(PackArchiveLimits limits)
{
    public const string Upload = "upload";

    // Text below this size cannot be a bomb worth worrying about, however well it compresses.
    private const int RatioFloorBytes = 16 * 1024;
    private const string NotAZip = "The file is not a readable zip archive. Upload the pack folder compressed as a .zip file.";

    private readonly List<PackProblem> problems = [];
    private long totalBytes;
    private bool totalExceeded;

    public PackArchiveResult Read(Stream zip)
    {
        if (Buffer(zip) is not { } bytes)
        {
            return new PackArchiveResult(null, problems);
        }
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var files = ReadEntries(archive.Entries);
            return new PackArchiveResult(files, problems);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            Add("", NotAZip);
            return new PackArchiveResult(null, problems);
        }
    }

    /// <summary>The whole upload in memory, never more than one byte past the limit; null (with a problem) when refused.</summary>
    private byte[]? Buffer(Stream zip)
    {
        try
        {
            if (zip.CanSeek && zip.Length - zip.Position > limits.MaxZipBytes)
            {
                Add("", TooLargeZip(zip.Length - zip.Position));
                return null;
            }
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = zip.Read(chunk, 0, (int)Math.Min(chunk.Length, limits.MaxZipBytes + 1 - buffer.Length))) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limits.MaxZipBytes)
                {
                    Add("", TooLargeZip(null));
                    return null;
                }
            }
            if (buffer.Length == 0)
            {
                Add("", "The file is empty. Upload the pack folder compressed as a .zip file.");
                return null;
            }
            return buffer.ToArray();
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or ObjectDisposedException)
        {
            Add("", "The upload could not be read to the end. Please try again.");
            return null;
        }
    }

    private string TooLargeZip(long? size) =>
        $"The zip file is {(size is { } s ? $"{s:N0} bytes" : "too large")}; an uploaded pack may be at most {limits.MaxZipBytes:N0} bytes.";

    private Dictionary<string, byte[]>? ReadEntries(IReadOnlyList<ZipArchiveEntry> entries)
    {
        if (entries.Count > limits.MaxEntries)
        {
            Add("", $"The zip holds {entries.Count:N0} entries; a pack zip may hold at most {limits.MaxEntries:N0}.");
            return null;
        }
        var candidates = new List<(ZipArchiveEntry Entry, string[] Segments)>();
        foreach (var entry in entries)
        {
            if (PackEntryName.PathProblem(entry.FullName) is { } problem)
            {
                Add(entry.FullName, problem);
                continue;
            }
            var segments = entry.FullName.TrimEnd('/').Split('/');
            if (!entry.FullName.EndsWith('/') && !PackEntryName.IsIgnored(segments))
            {
                candidates.Add((entry, segments));
            }
        }

        // A zipped folder (what "Compress" makes) holds everything in one top-level folder, which is not part of the pack.
        var strip = candidates.Count > 0 && candidates.All(c => c.Segments.Length > 1 && c.Segments[0] == candidates[0].Segments[0]) ? 1 : 0;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hasManifest = false;
        foreach (var (entry, segments) in candidates)
        {
            var name = segments[^1];
            if (segments.Length - strip != 1)
            {
                Add(entry.FullName, "Packs are flat: every file belongs at the top of the pack folder, but this one is inside a sub-folder.");
            }
            else if (!PackEntryName.IsPackFile(name))
            {
                Add(entry.FullName, "Only pack.yaml, Markdown (.md) and YAML (.yaml) files belong in a pack.");
            }
            else if (!seen.Add(name))
            {
                Add(entry.FullName, $"The zip holds '{PackEntryName.Display(name)}' more than once (names that differ only in upper and lower case count as the same).");
            }
            else
            {
                hasManifest |= name == "pack.yaml";
                if (ReadEntry(entry) is { } content)
                {
                    files[name] = content;
                }
            }
        }
        if (!hasManifest)
        {
            Add("pack.yaml", "The zip has no pack.yaml. It belongs at the top of the pack folder, next to the module files.");
        }
        return files.ContainsKey("pack.yaml") ? files : null;
    }

    /// <summary>An entry's bytes, read no further than the first limit crossed; null (with a problem) when refused.</summary>
    private byte[]? ReadEntry(ZipArchiveEntry entry)
    {
        if (totalExceeded)
        {
            return null;
        }
        if (entry.IsEncrypted)
        {
            Add(entry.FullName, "The file is password-protected. Make the zip again without a password.");
            return null;
        }
        if (entry.Length > limits.MaxEntryBytes)
        {
            Add(entry.FullName, TooLargeEntry(entry.Length));
            return null;
        }
        try
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            var ratioLimit = entry.CompressedLength > 0 ? entry.CompressedLength * limits.MaxCompressionRatio : long.MaxValue;
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (Refusal(entry, buffer.Length, ratioLimit) is { } refusal)
                {
                    Add(entry.FullName, refusal);
                    return null;
                }
            }
            var content = buffer.ToArray();
            if (Crc32.Of(content) != entry.Crc32)
            {
                Add(entry.FullName, "The file is damaged inside the zip (its checksum does not match). Make the zip again.");
                return null;
            }
            totalBytes += content.Length;
            return content;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            Add(entry.FullName, "The file is damaged inside the zip or compressed in a way that cannot be read. Make the zip again.");
            return null;
        }
    }

    private string? Refusal(ZipArchiveEntry entry, long length, long ratioLimit)
    {
        if (length > limits.MaxEntryBytes)
        {
            return TooLargeEntry(null);
        }
        if (totalBytes + length > limits.MaxTotalBytes)
        {
            totalExceeded = true;
            return $"The files in the zip come to more than {limits.MaxTotalBytes:N0} bytes uncompressed, more than a pack may hold; this file and the ones after it were not read.";
        }
        if (length > RatioFloorBytes && length > ratioLimit)
        {
            return $"The file unpacks to more than {limits.MaxCompressionRatio} times its compressed size ({entry.CompressedLength:N0} bytes), which real text never does; it looks like a zip bomb.";
        }
        return null;
    }

    private string TooLargeEntry(long? size) =>
        $"The file is {(size is { } s ? $"{s:N0} bytes" : "too large")} uncompressed; a pack file may be at most {limits.MaxEntryBytes:N0} bytes.";

    private void Add(string file, string message) => problems.Add(new PackProblem(Upload, PackEntryName.Display(file), 0, message));
}
