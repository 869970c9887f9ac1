using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LtiCurriculum.Web.Data.Migrations.SqlServer
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
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProductFamily",
                table: "ResourceLinks",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolvedLineItemUrl",
                table: "ResourceLinks",
                type: "nvarchar(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TokenAudience",
                table: "Platforms",
                type: "nvarchar(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "InstructorPoints",
                table: "Answers",
                type: "decimal(9,2)",
                precision: 9,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GradeDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlatformId = table.Column<int>(type: "int", nullable: false),
                    ResourceLinkDbId = table.Column<int>(type: "int", nullable: false),
                    UserDbId = table.Column<int>(type: "int", nullable: false),
                    AttemptId = table.Column<int>(type: "int", nullable: true),
                    ScoreGiven = table.Column<decimal>(type: "decimal(9,2)", precision: 9, scale: 2, nullable: true),
                    ScoreMaximum = table.Column<decimal>(type: "decimal(9,2)", precision: 9, scale: 2, nullable: true),
                    AwaitingInstructor = table.Column<bool>(type: "bit", nullable: false),
                    IsRegrade = table.Column<bool>(type: "bit", nullable: false),
                    Timestamp = table.Column<long>(type: "bigint", nullable: false),
                    SubmittedAt = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Failures = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "bigint", nullable: false),
                    LeaseOwner = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<long>(type: "bigint", nullable: true),
                    MaybeSent = table.Column<bool>(type: "bit", nullable: false),
                    LastStatusCode = table.Column<int>(type: "int", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    DeliveredAt = table.Column<long>(type: "bigint", nullable: true)
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
