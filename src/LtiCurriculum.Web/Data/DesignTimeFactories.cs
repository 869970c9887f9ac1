using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LtiCurriculum.Web.Data;

// Used only by `dotnet ef migrations add` to build each provider's model.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLtiDbContext>
{
    public SqliteLtiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLtiDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerLtiDbContext>
{
    public SqlServerDesignTimeFactory() { }

    public SqlServerLtiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerLtiDbContext>().UseSqlServer("Server=localhost;Database=LtiCurriculum;Trusted_Connection=True;TrustServerCertificate=True").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlLtiDbContext>
{
    public PostgreSqlLtiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlLtiDbContext>().UseNpgsql("Host=localhost;Database=lticurriculum;Username=lticurriculum").Options);
}
