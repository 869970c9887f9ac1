using LtiCurriculum.Web.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LtiCurriculum.Web.Data;

/// <summary>
/// The tool's database. Each provider has a subclass so that its migrations live apart
/// (Data/Migrations/Sqlite, Data/Migrations/SqlServer, Data/Migrations/PostgreSql).
/// </summary>
public abstract class LtiDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<PlatformEntity> Platforms => Set<PlatformEntity>();
    public DbSet<DeploymentEntity> Deployments => Set<DeploymentEntity>();
    public DbSet<LoginStateEntity> LoginStates => Set<LoginStateEntity>();
    public DbSet<ToolKeyEntity> ToolKeys => Set<ToolKeyEntity>();
    public DbSet<LtiUserEntity> Users => Set<LtiUserEntity>();
    public DbSet<LtiContextEntity> Contexts => Set<LtiContextEntity>();
    public DbSet<ResourceLinkEntity> ResourceLinks => Set<ResourceLinkEntity>();
    public DbSet<DeepLinkingRequestEntity> DeepLinkingRequests => Set<DeepLinkingRequestEntity>();
    public DbSet<AttemptEntity> Attempts => Set<AttemptEntity>();
    public DbSet<AnswerEntity> Answers => Set<AnswerEntity>();
    public DbSet<GradeDeliveryEntity> GradeDeliveries => Set<GradeDeliveryEntity>();
    public DbSet<AuditEntryEntity> AuditEntries => Set<AuditEntryEntity>();
    public DbSet<ToolSettingEntity> ToolSettings => Set<ToolSettingEntity>();
    public DbSet<PendingRegistrationEntity> PendingRegistrations => Set<PendingRegistrationEntity>();
    public DbSet<ContentPackEntity> ContentPacks => Set<ContentPackEntity>();
    public DbSet<PackVersionEntity> PackVersions => Set<PackVersionEntity>();
    public DbSet<ModuleVersionEntity> ModuleVersions => Set<ModuleVersionEntity>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<PlatformEntity>(e =>
        {
            e.ToTable("Platforms");
            // 512 + 255 characters keep the unique (Issuer, ClientId) key within SQL Server's 1,700-byte index limit.
            e.Property(p => p.Issuer).HasMaxLength(PlatformEntity.IssuerMaxLength);
            e.Property(p => p.ClientId).HasMaxLength(255);
            e.Property(p => p.AuthorizationEndpoint).HasMaxLength(2048);
            e.Property(p => p.TokenEndpoint).HasMaxLength(2048);
            e.Property(p => p.JwksUri).HasMaxLength(2048);
            e.Property(p => p.TokenAudience).HasMaxLength(2048);
            e.Property(p => p.Source).HasMaxLength(32);
            e.Property(p => p.ProductFamily).HasMaxLength(64);
            e.HasIndex(p => new { p.Issuer, p.ClientId }).IsUnique();
            e.HasMany(p => p.Deployments).WithOne().HasForeignKey(d => d.PlatformId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<DeploymentEntity>(e =>
        {
            e.ToTable("Deployments");
            e.Property(d => d.DeploymentId).HasMaxLength(255);
            e.HasIndex(d => new { d.PlatformId, d.DeploymentId }).IsUnique();
        });
        model.Entity<LoginStateEntity>(e =>
        {
            e.ToTable("LoginStates");
            e.HasKey(s => s.StateHash);
            e.Property(s => s.StateHash).HasMaxLength(64);
            e.Property(s => s.Nonce).HasMaxLength(64);
            e.Property(s => s.Issuer).HasMaxLength(1024);
            e.Property(s => s.ClientId).HasMaxLength(255);
            e.Property(s => s.DeploymentIdHint).HasMaxLength(255);
            e.Property(s => s.TargetLinkUri).HasMaxLength(4096);
            e.Property(s => s.BrowserBindingHash).HasMaxLength(64);
            e.HasIndex(s => s.ExpiresAt);
        });
        model.Entity<ToolKeyEntity>(e =>
        {
            e.ToTable("ToolKeys");
            e.HasKey(k => k.KeyId);
            e.Property(k => k.KeyId).HasMaxLength(64);
        });
        model.Entity<LtiUserEntity>(e =>
        {
            e.ToTable("Users");
            e.Property(u => u.Subject).HasMaxLength(255);
            e.Property(u => u.Name).HasMaxLength(512);
            e.Property(u => u.GivenName).HasMaxLength(255);
            e.Property(u => u.FamilyName).HasMaxLength(255);
            e.Property(u => u.Email).HasMaxLength(320);
            e.HasIndex(u => new { u.PlatformId, u.Subject }).IsUnique();
        });
        model.Entity<LtiContextEntity>(e =>
        {
            e.ToTable("Contexts");
            e.Property(c => c.DeploymentId).HasMaxLength(255);
            e.Property(c => c.ContextId).HasMaxLength(255);
            e.Property(c => c.Label).HasMaxLength(255);
            e.Property(c => c.Title).HasMaxLength(1024);
            e.Property(c => c.MembershipsUrl).HasMaxLength(2048);
            e.HasIndex(c => new { c.PlatformId, c.DeploymentId, c.ContextId }).IsUnique();
        });
        model.Entity<ResourceLinkEntity>(e =>
        {
            e.ToTable("ResourceLinks");
            e.Property(r => r.DeploymentId).HasMaxLength(255);
            e.Property(r => r.ResourceLinkId).HasMaxLength(255);
            e.Property(r => r.Title).HasMaxLength(1024);
            e.Property(r => r.Description).HasMaxLength(4096);
            e.Property(r => r.LineItemUrl).HasMaxLength(2048);
            e.Property(r => r.LineItemsUrl).HasMaxLength(2048);
            e.Property(r => r.AgsScopes).HasMaxLength(1024);
            e.Property(r => r.CustomModuleId).HasMaxLength(64);
            e.Property(r => r.BoundModuleId).HasMaxLength(64);
            e.Property(r => r.CustomParameters).HasMaxLength(4000);
            e.Property(r => r.InstructorSettings).HasMaxLength(2000);
            e.Property(r => r.ProductFamily).HasMaxLength(64);
            e.Property(r => r.ResolvedLineItemUrl).HasMaxLength(2048);
            e.HasIndex(r => new { r.PlatformId, r.DeploymentId, r.ResourceLinkId }).IsUnique();
            e.HasOne(r => r.Context).WithMany().HasForeignKey(r => r.ContextDbId).OnDelete(DeleteBehavior.SetNull);
        });
        model.Entity<AttemptEntity>(e =>
        {
            e.ToTable("Attempts");
            e.Property(a => a.ModuleId).HasMaxLength(64);
            e.Property(a => a.ModuleVersion).HasMaxLength(64);
            e.Property(a => a.ScoreGiven).HasPrecision(9, 2);
            e.Property(a => a.ScoreMaximum).HasPrecision(9, 2);
            e.Property(a => a.InstructorComment).HasMaxLength(4000);
            e.HasIndex(a => new { a.ResourceLinkDbId, a.UserDbId, a.Number }).IsUnique();
            e.HasOne<ResourceLinkEntity>().WithMany().HasForeignKey(a => a.ResourceLinkDbId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<LtiUserEntity>().WithMany().HasForeignKey(a => a.UserDbId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.AttemptId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<AnswerEntity>(e =>
        {
            e.ToTable("Answers");
            e.HasKey(a => new { a.AttemptId, a.QuestionId });
            e.Property(a => a.QuestionId).HasMaxLength(64);
            e.Property(a => a.Value).HasMaxLength(20_000);
            e.Property(a => a.InstructorPoints).HasPrecision(9, 2);
        });
        model.Entity<GradeDeliveryEntity>(e =>
        {
            e.ToTable("GradeDeliveries");
            e.Property(d => d.ScoreGiven).HasPrecision(9, 2);
            e.Property(d => d.ScoreMaximum).HasPrecision(9, 2);
            e.Property(d => d.LeaseOwner).HasMaxLength(64);
            e.Property(d => d.Comment).HasMaxLength(4000);
            e.Property(d => d.LastError).HasMaxLength(2000);
            // The worker's scan: one platform's pending rows in id order.
            e.HasIndex(d => new { d.PlatformId, d.Status, d.Id });
            // Order within a learner's link, and the status pages.
            e.HasIndex(d => new { d.ResourceLinkDbId, d.UserDbId, d.Id });
            // Platforms refuse a score not newer than the last (Canvas 400, Moodle 409): two writers on two instances
            // must not both take the same millisecond for one learner's link.
            e.HasIndex(d => new { d.ResourceLinkDbId, d.UserDbId, d.Timestamp }).IsUnique();
            e.HasOne<ResourceLinkEntity>().WithMany().HasForeignKey(d => d.ResourceLinkDbId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<LtiUserEntity>().WithMany().HasForeignKey(d => d.UserDbId).OnDelete(DeleteBehavior.NoAction);
        });
        model.Entity<DeepLinkingRequestEntity>(e =>
        {
            e.ToTable("DeepLinkingRequests");
            e.Property(d => d.Id).HasMaxLength(64);
            e.Property(d => d.Issuer).HasMaxLength(1024);
            e.Property(d => d.ClientId).HasMaxLength(255);
            e.Property(d => d.DeploymentId).HasMaxLength(255);
            e.Property(d => d.Settings).HasMaxLength(32_000);
            e.HasIndex(d => d.ExpiresAt);
        });
        model.Entity<AuditEntryEntity>(e =>
        {
            e.ToTable("AuditEntries");
            e.Property(a => a.Actor).HasMaxLength(32);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Subject).HasMaxLength(1024);
            e.Property(a => a.Details).HasMaxLength(4000);
            e.HasIndex(a => a.At);
        });
        model.Entity<ToolSettingEntity>(e =>
        {
            e.ToTable("ToolSettings");
            e.HasKey(t => t.Name);
            e.Property(t => t.Name).HasMaxLength(64);
            e.Property(t => t.Value).HasMaxLength(4000);
        });
        model.Entity<PendingRegistrationEntity>(e =>
        {
            e.ToTable("PendingRegistrations");
            e.Property(r => r.Id).HasMaxLength(64);
            e.Property(r => r.OpenIdConfigurationUrl).HasMaxLength(2048);
            e.Property(r => r.RegistrationToken).HasMaxLength(8192);
            e.HasIndex(r => r.ExpiresAt);
        });
        model.Entity<ContentPackEntity>(e =>
        {
            e.ToTable("ContentPacks");
            e.Property(p => p.Id).HasMaxLength(ContentPackEntity.IdMaxLength);
            e.Property(p => p.ArchiveHash).HasMaxLength(64);
            e.Property(p => p.ChangedBy).HasMaxLength(512);
        });
        model.Entity<PackVersionEntity>(e =>
        {
            e.ToTable("PackVersions");
            e.HasKey(v => v.Hash);
            e.Property(v => v.Hash).HasMaxLength(64);
            e.Property(v => v.PackId).HasMaxLength(ContentPackEntity.IdMaxLength);
        });
        model.Entity<ModuleVersionEntity>(e =>
        {
            e.ToTable("ModuleVersions");
            e.HasKey(v => new { v.ModuleId, v.Version });
            e.Property(v => v.ModuleId).HasMaxLength(64);
            e.Property(v => v.Version).HasMaxLength(64);
            e.Property(v => v.PackHash).HasMaxLength(64);
        });
        model.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");

        // SQLite cannot order or compare DateTimeOffset, so instants are UTC ticks there; PostgreSQL's timestamptz takes
        // only UTC offsets, so it keeps the same ticks. SQL Server stores them natively as datetimeoffset.
        if (!Database.IsSqlServer())
        {
            foreach (var entity in model.Model.GetEntityTypes())
            {
                foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
                {
                    property.SetValueConverter(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
                }
            }
        }
    }
}

public sealed class SqliteLtiDbContext(DbContextOptions<SqliteLtiDbContext> options) : LtiDbContext(options);

public sealed class SqlServerLtiDbContext(DbContextOptions<SqlServerLtiDbContext> options) : LtiDbContext(options);

public sealed class PostgreSqlLtiDbContext(DbContextOptions<PostgreSqlLtiDbContext> options) : LtiDbContext(options);
