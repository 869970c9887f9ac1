using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LtiCurriculum.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Grades : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LineItemLockUntil",
                table: "ResourceLinks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProductFamily",
                table: "ResourceLinks",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolvedLineItemUrl",
                table: "ResourceLinks",
                type: "TEXT",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TokenAudience",
                table: "Platforms",
                type: "TEXT",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "InstructorPoints",
                table: "Answers",
                type: "TEXT",
                precision: 9,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GradeDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlatformId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResourceLinkDbId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserDbId = table.Column<int>(type: "INTEGER", nullable: false),
                    AttemptId = table.Column<int>(type: "INTEGER", nullable: true),
                    ScoreGiven = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    ScoreMaximum = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    AwaitingInstructor = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsRegrade = table.Column<bool>(type: "INTEGER", nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    MaybeSent = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastStatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GradeDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GradeDeliveries_ResourceLinks_ResourceLinkDbId",
                        column: x => x.ResourceLinkDbId,
                        principalTable: "ResourceLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GradeDeliveries_Users_UserDbId",
                        column: x => x.UserDbId,
                        principalTable: "Users",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_GradeDeliveries_PlatformId_Status_Id",
                table: "GradeDeliveries",
                columns: new[] { "PlatformId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_GradeDeliveries_ResourceLinkDbId_UserDbId_Id",
                table: "GradeDeliveries",
                columns: new[] { "ResourceLinkDbId", "UserDbId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_GradeDeliveries_UserDbId",
                table: "GradeDeliveries",
                column: "UserDbId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GradeDeliveries");

            migrationBuilder.DropColumn(
                name: "LineItemLockUntil",
                table: "ResourceLinks");

            migrationBuilder.DropColumn(
                name: "ProductFamily",
                table: "ResourceLinks");

            migrationBuilder.DropColumn(
                name: "ResolvedLineItemUrl",
                table: "ResourceLinks");

            migrationBuilder.DropColumn(
                name: "TokenAudience",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "InstructorPoints",
                table: "Answers");
        }
    }
}
