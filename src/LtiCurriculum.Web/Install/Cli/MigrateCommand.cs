using System.CommandLine;
using LtiCurriculum.Web.Data;
using LtiCurriculum.Web.Install.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LtiCurriculum.Web.Install.Cli;

/// <summary>
/// <c>migrate [--list | --script]</c>: brings the configured database to this version's schema. Runs before the app's own
/// start-up tasks, so it works on an empty database and where <c>Database:MigrateAtStart</c> is off.
/// </summary>
public static class MigrateCommand
{
    public static Command Create(CliOptions o, CliContext cli)
    {
        var migrate = new Command("migrate", "Apply the pending database migrations (EF Core) to the configured database and say which were applied.") { o.ListMigrations, o.MigrationScript };
        migrate.SetAction(async (parse, ct) =>
        {
            await using var db = await cli.Services.GetRequiredService<IDbContextFactory<LtiDbContext>>().CreateDbContextAsync(ct);
            if (parse.GetValue(o.MigrationScript))
            {
                var migrator = db.GetService<IMigrator>();
                // Server databases: idempotent (each migration checks the history table, so the script runs safely on
                // any version). SQLite cannot make idempotent scripts: the script starts after what this file has applied.
                cli.Output.Write(db.Database.IsSqlite()
                    ? migrator.GenerateScript(fromMigration: (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault())
                    : migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent));
                return ExitCodes.Done;
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (parse.GetValue(o.ListMigrations))
            {
                foreach (var applied in await db.Database.GetAppliedMigrationsAsync(ct))
                {
                    cli.Output.WriteLine($"applied\t{applied}");
                }
                foreach (var name in pending)
                {
                    cli.Output.WriteLine($"pending\t{name}");
                }
                return ExitCodes.Done;
            }
            if (pending.Count == 0)
            {
                return cli.Done("The database is up to date; no migration was pending.");
            }
            await OneMigrationAtATime.MigrateAsync(db.Database, ct);
            // The audit table exists only now; the entry follows the migration in its own transaction.
            await using (var record = await cli.Services.GetRequiredService<IDbContextFactory<LtiDbContext>>().CreateDbContextAsync(ct))
            {
                cli.Services.GetRequiredService<AuditLog>().Add(record, "cli", "migrate", "database", "applied: " + string.Join(", ", pending));
                await record.SaveChangesAsync(ct);
            }
            foreach (var name in pending)
            {
                cli.Output.WriteLine($"applied\t{name}");
            }
            return cli.Done($"Applied {pending.Count} migration{(pending.Count == 1 ? "" : "s")}; the database is up to date.");
        });
        return migrate;
    }
}
