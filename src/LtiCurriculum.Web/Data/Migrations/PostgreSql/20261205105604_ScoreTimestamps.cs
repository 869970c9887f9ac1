using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LtiCurriculum.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ScoreTimestamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_GradeDeliveries_ResourceLinkDbId_UserDbId_Timestamp",
                table: "GradeDeliveries",
                columns: new[] { "ResourceLinkDbId", "UserDbId", "Timestamp" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GradeDeliveries_ResourceLinkDbId_UserDbId_Timestamp",
                table: "GradeDeliveries");
        }
    }
}
