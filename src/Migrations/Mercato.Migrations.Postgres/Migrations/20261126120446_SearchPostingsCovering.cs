using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchPostingsCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_catalog_search_postings_covering",
                table: "catalog_search_postings",
                columns: new[] { "term", "product_id", "weight" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_catalog_search_postings_covering",
                table: "catalog_search_postings");
        }
    }
}
