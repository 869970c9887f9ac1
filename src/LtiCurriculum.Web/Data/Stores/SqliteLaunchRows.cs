using LtiCurriculum.Web.Data.Entities;

namespace LtiCurriculum.Web.Data.Stores;

/// <summary>
/// The user, context and resource link rows of a launch on SQLite without EF (every first launch of a person
/// writes at least the user row): three prepared lookups in one read transaction on a kept-open connection, then, only if a value
/// changed, one transaction of prepared inserts (RETURNING the new id) and updates. What the rows should hold
/// is decided by <see cref="Launch.LaunchRecorder"/>, for EF's path (SQL Server, PostgreSQL) as for this one.
/// </summary>
internal sealed class SqliteLaunchRows(SqlitePreparedConnections connections)
{

    /// <summary>The rows the keys name as stored, or new entities (Id 0) for those the database does not have yet.</summary>
    public LaunchRows Load(int platformId, string deploymentId, string? contextId, string? subject, string? linkId) =>
        connections.Read((platformId, deploymentId, contextId, subject, linkId), static (connection, keys) => connection.InReadTransaction(keys, static (connection, k) =>
        {
            var s = connection.Launches;
            var context = k.contextId is null ? null : ReadContext(s.FindContext, k.platformId, k.deploymentId, k.contextId);
            var user = k.subject is null ? null : ReadUser(s.FindUser, k.platformId, k.subject);
            var link = k.linkId is null ? null : ReadLink(s.FindLink, k.platformId, k.deploymentId, k.linkId);
            return new LaunchRows(context, user, link);
        }));

    /// <summary>Inserts the new rows and updates the changed ones in one transaction (with other writes queued meanwhile).</summary>
    public Task SaveAsync(LaunchRows rows) => connections.WriteAsync(rows, static (connection, rows) =>
    {
        var s = connection.Launches;
        if (rows.Context is { } context && rows.ContextChanged)
        {
            context.Id = Execute((context.Id == 0 ? s.InsertContext : s.UpdateContext)
                .Bind(0, context.Id == 0 ? context.PlatformId : context.Id)
                .Bind(1, context.DeploymentId)
                .Bind(2, context.ContextId)
                .Bind(3, context.Label)
                .Bind(4, context.Title)
                .Bind(5, context.MembershipsUrl)
                .Bind(6, StoredInstant.From(context.LastLaunchAt)), context.Id);
        }
        if (rows.User is { } user && rows.UserChanged)
        {
            user.Id = Execute((user.Id == 0 ? s.InsertUser : s.UpdateUser)
                .Bind(0, user.Id == 0 ? user.PlatformId : user.Id)
                .Bind(1, user.Subject)
                .Bind(2, user.Name)
                .Bind(3, user.GivenName)
                .Bind(4, user.FamilyName)
                .Bind(5, user.Email)
                .Bind(6, StoredInstant.From(user.LastLaunchAt)), user.Id);
        }
        if (rows.Link is { } link && rows.LinkChanged)
        {
            link.ContextDbId = rows.Context?.Id ?? link.ContextDbId;
            link.Id = Execute((link.Id == 0 ? s.InsertLink : s.UpdateLink)
                .Bind(0, link.Id == 0 ? link.PlatformId : link.Id)
                .Bind(1, link.DeploymentId)
                .Bind(2, link.ResourceLinkId)
                .BindOrNull(3, link.ContextDbId)
                .Bind(4, link.Title)
                .Bind(5, link.Description)
                .Bind(6, link.LineItemUrl)
                .Bind(7, link.LineItemsUrl)
                .Bind(8, link.AgsScopes)
                .Bind(9, link.CustomModuleId)
                .Bind(10, link.CustomParameters)
                .Bind(11, link.ProductFamily)
                .Bind(12, StoredInstant.From(link.LastLaunchAt)), link.Id);
        }
        return 0;
    });

    /// <summary>An insert returns the new row's id; an update keeps the id it was given.</summary>
    private static int Execute(SqliteStatement write, int id)
    {
        if (id != 0)
        {
            write.Execute();
            return id;
        }
        return checked((int)write.Scalar());
    }

    /// <summary>Runs a lookup by the platform and one or two more keys (the deployment, then the row's own id).</summary>
    private static SqliteStatement.Rows Find(SqliteStatement find, int platformId, string key, string? secondKey = null)
    {
        find.Bind(0, platformId).Bind(1, key);
        if (secondKey is not null)
        {
            find.Bind(2, secondKey);
        }
        return find.Query();
    }

    private static LtiContextEntity ReadContext(SqliteStatement find, int platformId, string deploymentId, string contextId)
    {
        using var row = Find(find, platformId, deploymentId, contextId);
        var context = new LtiContextEntity { PlatformId = platformId, DeploymentId = deploymentId, ContextId = contextId };
        if (row.Next())
        {
            context.Id = row.Int32(0);
            context.Label = row.TextOrNull(1);
            context.Title = row.TextOrNull(2);
            context.MembershipsUrl = row.TextOrNull(3);
            context.LastLaunchAt = StoredInstant.ToInstant(row.Int64(4));
        }
        return context;
    }

    private static LtiUserEntity ReadUser(SqliteStatement find, int platformId, string subject)
    {
        using var row = Find(find, platformId, subject);
        var user = new LtiUserEntity { PlatformId = platformId, Subject = subject };
        if (row.Next())
        {
            user.Id = row.Int32(0);
            user.Name = row.TextOrNull(1);
            user.GivenName = row.TextOrNull(2);
            user.FamilyName = row.TextOrNull(3);
            user.Email = row.TextOrNull(4);
            user.LastLaunchAt = StoredInstant.ToInstant(row.Int64(5));
        }
        return user;
    }

    private static ResourceLinkEntity ReadLink(SqliteStatement find, int platformId, string deploymentId, string linkId)
    {
        using var row = Find(find, platformId, deploymentId, linkId);
        var link = new ResourceLinkEntity { PlatformId = platformId, DeploymentId = deploymentId, ResourceLinkId = linkId };
        if (row.Next())
        {
            link.Id = row.Int32(0);
            link.ContextDbId = row.Int32OrNull(1);
            link.Title = row.TextOrNull(2);
            link.Description = row.TextOrNull(3);
            link.LineItemUrl = row.TextOrNull(4);
            link.LineItemsUrl = row.TextOrNull(5);
            link.AgsScopes = row.TextOrNull(6);
            link.CustomModuleId = row.TextOrNull(7);
            link.CustomParameters = row.TextOrNull(8);
            link.ProductFamily = row.TextOrNull(9);
            link.LastLaunchAt = StoredInstant.ToInstant(row.Int64(10));
        }
        return link;
    }

    /// <summary>This path's statements on one kept-open connection. Inserts and updates take the same parameters (by position; the first is the platform or the row id), and an update ignores the keys.</summary>
    internal sealed class Statements(PreparedConnection connection)
    {
        private const string LinkValues = "$context, $title, $description, $lineItem, $lineItems, $scopes, $module, $custom, $family, $at";

        public SqliteStatement FindContext { get; } = connection.Prepare("""
            SELECT "Id", "Label", "Title", "MembershipsUrl", "LastLaunchAt" FROM "Contexts"
            WHERE "PlatformId" = $platform AND "DeploymentId" = $deployment AND "ContextId" = $key
            """, "$platform", "$deployment", "$key");

        public SqliteStatement FindUser { get; } = connection.Prepare("""
            SELECT "Id", "Name", "GivenName", "FamilyName", "Email", "LastLaunchAt" FROM "Users" WHERE "PlatformId" = $platform AND "Subject" = $key
            """, "$platform", "$key");

        public SqliteStatement FindLink { get; } = connection.Prepare("""
            SELECT "Id", "ContextDbId", "Title", "Description", "LineItemUrl", "LineItemsUrl", "AgsScopes", "CustomModuleId", "CustomParameters", "ProductFamily", "LastLaunchAt"
            FROM "ResourceLinks" WHERE "PlatformId" = $platform AND "DeploymentId" = $deployment AND "ResourceLinkId" = $key
            """, "$platform", "$deployment", "$key");

        public SqliteStatement InsertContext { get; } = connection.Prepare("""
            INSERT INTO "Contexts" ("PlatformId", "DeploymentId", "ContextId", "Label", "Title", "MembershipsUrl", "LastLaunchAt")
            VALUES ($id, $deployment, $key, $label, $title, $memberships, $at) RETURNING "Id"
            """, "$id", "$deployment", "$key", "$label", "$title", "$memberships", "$at");

        public SqliteStatement UpdateContext { get; } = connection.Prepare("""
            UPDATE "Contexts" SET "Label" = $label, "Title" = $title, "MembershipsUrl" = $memberships, "LastLaunchAt" = $at
            WHERE "Id" = $id
            """, "$id", "$deployment", "$key", "$label", "$title", "$memberships", "$at");

        public SqliteStatement InsertUser { get; } = connection.Prepare("""
            INSERT INTO "Users" ("PlatformId", "Subject", "Name", "GivenName", "FamilyName", "Email", "LastLaunchAt")
            VALUES ($id, $key, $name, $given, $family, $email, $at) RETURNING "Id"
            """, "$id", "$key", "$name", "$given", "$family", "$email", "$at");

        public SqliteStatement UpdateUser { get; } = connection.Prepare("""
            UPDATE "Users" SET "Name" = $name, "GivenName" = $given, "FamilyName" = $family, "Email" = $email, "LastLaunchAt" = $at
            WHERE "Id" = $id
            """, "$id", "$key", "$name", "$given", "$family", "$email", "$at");

        public SqliteStatement InsertLink { get; } = connection.Prepare($"""
            INSERT INTO "ResourceLinks" ("PlatformId", "DeploymentId", "ResourceLinkId", "ContextDbId", "Title", "Description", "LineItemUrl",
                "LineItemsUrl", "AgsScopes", "CustomModuleId", "CustomParameters", "ProductFamily", "LastLaunchAt")
            VALUES ($id, $deployment, $key, {LinkValues}) RETURNING "Id"
            """, "$id", "$deployment", "$key", "$context", "$title", "$description", "$lineItem", "$lineItems", "$scopes", "$module", "$custom", "$family", "$at");

        public SqliteStatement UpdateLink { get; } = connection.Prepare("""
            UPDATE "ResourceLinks" SET "ContextDbId" = $context, "Title" = $title, "Description" = $description, "LineItemUrl" = $lineItem,
                "LineItemsUrl" = $lineItems, "AgsScopes" = $scopes, "CustomModuleId" = $module, "CustomParameters" = $custom,
                "ProductFamily" = $family, "LastLaunchAt" = $at
            WHERE "Id" = $id
            """, "$id", "$deployment", "$key", "$context", "$title", "$description", "$lineItem", "$lineItems", "$scopes", "$module", "$custom", "$family", "$at");
    }
}

/// <summary>
/// The rows of one launch as <see cref="SqliteLaunchRows.Load"/> found them (Id 0: not stored yet), with a snapshot of
/// their stored values, so the caller can change them and <see cref="SqliteLaunchRows.Save"/> writes only what changed.
/// </summary>
internal sealed class LaunchRows(LtiContextEntity? context, LtiUserEntity? user, ResourceLinkEntity? link)
{
    private readonly object? _context = context is null ? null : Values(context);
    private readonly object? _user = user is null ? null : Values(user);
    private readonly object? _link = link is null ? null : Values(link);

    public LtiContextEntity? Context { get; } = context;
    public LtiUserEntity? User { get; } = user;
    public ResourceLinkEntity? Link { get; } = link;

    public bool ContextChanged => Context is { } c && (c.Id == 0 || !Values(c).Equals(_context));
    public bool UserChanged => User is { } u && (u.Id == 0 || !Values(u).Equals(_user));
    public bool LinkChanged => Link is { } l && (l.Id == 0 || !Values(l).Equals(_link) || (Context is { } c && l.ContextDbId != c.Id));
    public bool HasChanges => ContextChanged || UserChanged || LinkChanged;

    private static object Values(LtiContextEntity c) => (c.Label, c.Title, c.MembershipsUrl, c.LastLaunchAt);
    private static object Values(LtiUserEntity u) => (u.Name, u.GivenName, u.FamilyName, u.Email, u.LastLaunchAt);
    private static object Values(ResourceLinkEntity l) =>
        (l.ContextDbId, l.Title, l.Description, l.LineItemUrl, l.LineItemsUrl, (l.AgsScopes, l.CustomModuleId, l.CustomParameters, l.ProductFamily, l.LastLaunchAt));
}
