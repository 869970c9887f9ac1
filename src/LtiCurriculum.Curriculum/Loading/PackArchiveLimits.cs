namespace LtiCurriculum.Curriculum.Loading;

/// <summary>How much an uploaded pack zip may hold. The defaults fit any real pack with room to spare.</summary>
/// <param name="MaxZipBytes">The zip file itself.</param>
/// <param name="MaxEntries">Entries in the zip, counting folders and the ones that are ignored (__MACOSX, dot-files).</param>
/// <param name="MaxEntryBytes">One file, uncompressed.</param>
/// <param name="MaxTotalBytes">All files together, uncompressed.</param>
/// <param name="MaxCompressionRatio">Uncompressed bytes per compressed byte, above which a file is taken for a zip bomb.</param>
public sealed record PackArchiveLimits(long MaxZipBytes = 5_000_000, int MaxEntries = 300, long MaxEntryBytes = PackLoader.MaxFileBytes,
    long MaxTotalBytes = 25_000_000, int MaxCompressionRatio = 100);

/// <summary>
/// What reading an uploaded zip gave. <see cref="Files"/> (by plain file name) holds the files that passed, also when
/// others were refused, so that their content can be checked in the same round; it is null when the zip could not be
/// read at all or has no pack.yaml. Only <see cref="Ok"/> means the whole upload is acceptable.
/// </summary>
public sealed record PackArchiveResult(IReadOnlyDictionary<string, byte[]>? Files, IReadOnlyList<PackProblem> Problems)
{
    public bool Ok => Files is not null && Problems.Count == 0;
}
