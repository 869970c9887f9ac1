namespace LtiCurriculum.Web.Data.Entities;

/// <summary>
/// What an administrator decided about one content pack, by pack id: an uploaded pack's files, or the state of a
/// built-in or folder pack (a row exists only once an administrator changed it). Every instance reads this table.
/// </summary>
public sealed class ContentPackEntity
{
    public const int IdMaxLength = 64;

    /// <summary>The pack's id from its pack.yaml.</summary>
    public required string Id { get; set; }
    /// <summary>The validated pack as a normalised zip (pack.yaml, *.md, *.yaml); null for built-in and folder packs.</summary>
    public byte[]? Archive { get; set; }
    /// <summary>Content hash of <see cref="Archive"/>.</summary>
    public string? ArchiveHash { get; set; }
    /// <summary>Not served to new launches; open attempts go on with the version they began on.</summary>
    public bool IsDisabled { get; set; }
    /// <summary>A removed built-in or folder pack (an uploaded pack's row is deleted instead); answers are never deleted.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
    /// <summary>Who changed it last, as the LMS named them (name or user id) and their platform.</summary>
    public string? ChangedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Every version of a pack that the tool has served, kept so an attempt can be finished (and graded) on the version it
/// began on after the pack changed, was disabled or removed. Keyed by the content hash; written once, never changed.
/// </summary>
public sealed class PackVersionEntity
{
    public required string Hash { get; set; }
    public required string PackId { get; set; }
    public required byte[] Archive { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Which stored pack version holds a module version (the module's content hash). Written once, never changed.</summary>
public sealed class ModuleVersionEntity
{
    public required string ModuleId { get; set; }
    public required string Version { get; set; }
    public required string PackHash { get; set; }
}
