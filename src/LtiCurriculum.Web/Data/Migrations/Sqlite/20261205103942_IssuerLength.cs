using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LtiCurriculum.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IssuerLength : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
