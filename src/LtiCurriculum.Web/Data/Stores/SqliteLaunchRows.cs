using LtiCurriculum.Web.Data.Entities;
using Microsoft.Data.Sqlite;

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
            var write = context.Id == 0 ? s.InsertContext : s.UpdateContext;
            var p = write.Parameters;
            p[0].Value = context.Id == 0 ? context.PlatformId : context.Id;
            p[1].Value = context.DeploymentId;
            p[2].Value = context.ContextId;
            p[3].Value = Nullable(context.Label);
            p[4].Value = Nullable(context.Title);
            p[5].Value = Nullable(context.MembershipsUrl);
            p[6].Value = StoredInstant.From(context.LastLaunchAt);
            context.Id = Execute(write, context.Id);
        }
        if (rows.User is { } user && rows.UserChanged)
        {
            var write = user.Id == 0 ? s.InsertUser : s.UpdateUser;
            var p = write.Parameters;
            p[0].Value = user.Id == 0 ? user.PlatformId : user.Id;
            p[1].Value = user.Subject;
            p[2].Value = Nullable(user.Name);
            p[3].Value = Nullable(user.GivenName);
            p[4].Value = Nullable(user.FamilyName);
            p[5].Value = Nullable(user.Email);
            p[6].Value = StoredInstant.From(user.LastLaunchAt);
            user.Id = Execute(write, user.Id);
        }
        if (rows.Link is { } link && rows.LinkChanged)
        {
            link.ContextDbId = rows.Context?.Id ?? link.ContextDbId;
            var write = link.Id == 0 ? s.InsertLink : s.UpdateLink;
            var p = write.Parameters;
            p[0].Value = link.Id == 0 ? link.PlatformId : link.Id;
            p[1].Value = link.DeploymentId;
            p[2].Value = link.ResourceLinkId;
            p[3].Value = (object?)link.ContextDbId ?? DBNull.Value;
            p[4].Value = Nullable(link.Title);
            p[5].Value = Nullable(link.Description);
            p[6].Value = Nullable(link.LineItemUrl);
            p[7].Value = Nullable(link.LineItemsUrl);
            p[8].Value = Nullable(link.AgsScopes);
            p[9].Value = Nullable(link.CustomModuleId);
            p[10].Value = Nullable(link.CustomParameters);
            p[11].Value = Nullable(link.ProductFamily);
            p[12].Value = StoredInstant.From(link.LastLaunchAt);
            link.Id = Execute(write, link.Id);
        }
        return 0;
    });

    /// <summary>An insert returns the new row's id; an update keeps the id it was given.</summary>
    private static int Execute(SqliteCommand write, int id)
    {
        if (id != 0)
        {
            write.ExecuteNonQuery();
            return id;
        }
        return Convert.ToInt32(write.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;


    /// <summary>Runs a lookup by the platform and one or two more keys (the deployment, then the row's own id).</summary>
    private static SqliteDataReader Find(SqliteCommand find, int platformId, string key, string? secondKey = null)
    {
        find.Parameters[0].Value = platformId;
        find.Parameters[1].Value = key;
        if (secondKey is not null)
        {
            find.Parameters[2].Value = secondKey;
        }
        return find.ExecuteReader();
    }

    private static LtiContextEntity ReadContext(SqliteCommand find, int platformId, string deploymentId, string contextId)
    {
        using var reader = Find(find, platformId, deploymentId, contextId);
        var context = new LtiContextEntity { PlatformId = platformId, DeploymentId = deploymentId, ContextId = contextId };
        if (reader.Read())
        {
            context.Id = reader.GetInt32(0);
            context.Label = reader.GetStringOrNull(1);
            context.Title = reader.GetStringOrNull(2);
            context.MembershipsUrl = reader.GetStringOrNull(3);
            context.LastLaunchAt = StoredInstant.ToInstant(reader.GetInt64(4));
        }
        return context;
    }

    private static LtiUserEntity ReadUser(SqliteCommand find, int platformId, string subject)
    {
        using var reader = Find(find, platformId, subject);
        var user = new LtiUserEntity { PlatformId = platformId, Subject = subject };
        if (reader.Read())
        {
            user.Id = reader.GetInt32(0);
            user.Name = reader.GetStringOrNull(1);
            user.GivenName = reader.GetStringOrNull(2);
            user.FamilyName = reader.GetStringOrNull(3);
            user.Email = reader.GetStringOrNull(4);
            user.LastLaunchAt = StoredInstant.ToInstant(reader.GetInt64(5));
        }
        return user;
    }

    private static ResourceLinkEntity ReadLink(SqliteCommand find, int platformId, string deploymentId, string linkId)
    {
        using var reader = Find(find, platformId, deploymentId, linkId);
        var link = new ResourceLinkEntity { PlatformId = platformId, DeploymentId = deploymentId, ResourceLinkId = linkId };
        if (reader.Read())
        {
            link.Id = reader.GetInt32(0);
            link.ContextDbId = reader.IsDBNull(1) ? null : reader.GetInt32(1);
            link.Title = reader.GetStringOrNull(2);
            link.Description = reader.GetStringOrNull(3);
            link.LineItemUrl = reader.GetStringOrNull(4);
            link.LineItemsUrl = reader.GetStringOrNull(5);
            link.AgsScopes = reader.GetStringOrNull(6);
            link.CustomModuleId = reader.GetStringOrNull(7);
            link.CustomParameters = reader.GetStringOrNull(8);
            link.ProductFamily = reader.GetStringOrNull(9);
            link.LastLaunchAt = StoredInstant.ToInstant(reader.GetInt64(10));
        }
        return link;
    }

    /// <summary>This path's statements on one kept-open connection. Inserts and updates take the same parameters (by position; the first is the platform or the row id), and an update ignores the keys.</summary>
    internal sealed class Statements(PreparedConnection connection)
    {
        private const string LinkValues = "$context, $title, $description, $lineItem, $lineItems, $scopes, $module, $custom, $family, $at";

        public SqliteCommand FindContext { get; } = connection.Prepare("""
            SELECT "Id", "Label", "Title", "MembershipsUrl", "LastLaunchAt" FROM "Contexts"
            WHERE "PlatformId" = $platform AND "DeploymentId" = $deployment AND "ContextId" = $key
            """, "$platform", "$deployment", "$key");

        public SqliteCommand FindUser { get; } = connection.Prepare("""
            SELECT "Id", "Name", "GivenName", "FamilyName", "Email", "LastLaunchAt" FROM "Users" WHERE "PlatformId" = $platform AND "Subject" = $key
            """, "$platform", "$key");

        public SqliteCommand FindLink { get; } = connection.Prepare("""
            SELECT "Id", "ContextDbId", "Title", "Description", "LineItemUrl", "LineItemsUrl", "AgsScopes", "CustomModuleId", "CustomParameters", "ProductFamily", "LastLaunchAt"
            FROM "ResourceLinks" WHERE "PlatformId" = $platform AND "DeploymentId" = $deployment AND "ResourceLinkId" = $key
            """, "$platform", "$deployment", "$key");

        public SqliteCommand InsertContext { get; } = connection.Prepare("""
            INSERT INTO "Contexts" ("PlatformId", "DeploymentId", "ContextId", "Label", "Title", "MembershipsUrl", "LastLaunchAt")
            VALUES ($id, $deployment, $key, $label, $title, $memberships, $at) RETURNING "Id"
            """, "$id", "$deployment", "$key", "$label", "$title", "$memberships", "$at");

        public SqliteCommand UpdateContext { get; } = connection.Prepare("""
            UPDATE "Contexts" SET "Label" = $label, "Title" = $title, "MembershipsUrl" = $memberships, "LastLaunchAt" = $at
            WHERE "Id" = $id
            """, "$id", "$deployment", "$key", "$label", "$title", "$memberships", "$at");

        public SqliteCommand InsertUser { get; } = connection.Prepare("""
            INSERT INTO "Users" ("PlatformId", "Subject", "Name", "GivenName", "FamilyName", "Email", "LastLaunchAt")
            VALUES ($id, $key, $name, $given, $family, $email, $at) RETURNING "Id"
            """, "$id", "$key", "$name", "$given", "$family", "$email", "$at");

        public SqliteCommand UpdateUser { get; } = connection.Prepare("""
            UPDATE "Users" SET "Name" = $name, "GivenName" = $given, "FamilyName" = $family, "Email" = $email, "LastLaunchAt" = $at
            WHERE "Id" = $id
            """, "$id", "$key", "$name", "$given", "$family", "$email", "$at");

        public SqliteCommand InsertLink { get; } = connection.Prepare($"""
            INSERT INTO "ResourceLinks" ("PlatformId", "DeploymentId", "ResourceLinkId", "ContextDbId", "Title", "Description", "LineItemUrl",
                "LineItemsUrl", "AgsScopes", "CustomModuleId", "CustomParameters", "ProductFamily", "LastLaunchAt")
            VALUES ($id, $deployment, $key, {LinkValues}) RETURNING "Id"
            """, "$id", "$deployment", "$key", "$context", "$title", "$description", "$lineItem", "$lineItems", "$scopes", "$module", "$custom", "$family", "$at");

        public SqliteCommand UpdateLink { get; } = connection.Prepare("""
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
