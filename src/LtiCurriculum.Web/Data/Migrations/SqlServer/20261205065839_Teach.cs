using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LtiCurriculum.Web.Data.Migrations.SqlServer
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
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InstructorSettings",
                table: "ResourceLinks",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Comment",
                table: "GradeDeliveries",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InstructorComment",
                table: "Attempts",
                type: "nvarchar(4000)",
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
