using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
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
                    variant = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    term = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_search_term_deletes", x => new { x.variant, x.term });
                });

            migrationBuilder.CreateTable(
                name: "catalog_search_terms",
                columns: table => new
                {
                    term = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    product_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_search_terms", x => x.term);
                });
        }
    }
}
