using LtiCurriculum.Curriculum.Loading;
using LtiCurriculum.Web.Hosting;

namespace LtiCurriculum.Web.Packs;

/// <summary>
/// Settings <c>Packs:*</c>: how large an uploaded pack may be. The defaults fit a pack of many modules in three
/// languages many times over; a zip that crosses any limit is refused whole with the limit named.
/// </summary>
public sealed record PackUploadLimits(PackArchiveLimits Archive)
{
    public const string SectionName = "Packs";

    /// <summary>The zip upload's body limit: the zip and the form's few small fields.</summary>
    public long MaxRequestBytes => Archive.MaxZipBytes + 64 * 1024;

    public static PackUploadLimits From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var defaults = new PackArchiveLimits();
        var limits = new PackArchiveLimits(
            MaxZipBytes: Read(section, "MaxUploadBytes", defaults.MaxZipBytes, 1_000, 100_000_000),
            MaxEntries: (int)Read(section, "MaxEntries", defaults.MaxEntries, 2, 10_000),
            MaxEntryBytes: defaults.MaxEntryBytes,
            MaxTotalBytes: Read(section, "MaxUnpackedBytes", defaults.MaxTotalBytes, 1_000, 1_000_000_000),
            MaxCompressionRatio: (int)Read(section, "MaxCompressionRatio", defaults.MaxCompressionRatio, 2, 10_000));
        return new PackUploadLimits(limits);
    }

    private static long Read(IConfigurationSection section, string key, long fallback, long min, long max)
    {
        var raw = section[key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }
        if (!long.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ConfigurationException($"{SectionName}:{key} is '{raw}'; it must be a whole number from {min:N0} to {max:N0}.");
        }
        return value;
    }
}
