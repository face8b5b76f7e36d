using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DropSearchVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_search_term_deletes");

            migrationBuilder.DropTable(
                name: "catalog_search_terms");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_search_term_deletes",
                columns: table => new
                {
                    variant = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    term = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_search_term_deletes", x => new { x.variant, x.term });
                });

            migrationBuilder.CreateTable(
                name: "catalog_search_terms",
                columns: table => new
                {
                    term = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    product_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_search_terms", x => x.term);
                });
        }
    }
}
