using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LtiCurriculum.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Teach : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomParameters",
                table: "ResourceLinks",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InstructorSettings",
                table: "ResourceLinks",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Comment",
                table: "GradeDeliveries",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InstructorComment",
                table: "Attempts",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CustomParameters",
                table: "ResourceLinks");

            migrationBuilder.DropColumn(
                name: "InstructorSettings",
                table: "ResourceLinks");

            migrationBuilder.DropColumn(
                name: "Comment",
                table: "GradeDeliveries");

            migrationBuilder.DropColumn(
                name: "InstructorComment",
                table: "Attempts");
        }
    }
}
