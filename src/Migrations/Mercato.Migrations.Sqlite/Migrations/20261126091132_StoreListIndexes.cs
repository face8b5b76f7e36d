using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StoreListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_catalog_product_status_title_sort_id",
                table: "catalog_product");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_product_title_sort_id",
                table: "catalog_product",
                columns: new[] { "title_sort", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_catalog_product_title_sort_id",
                table: "catalog_product");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_product_status_title_sort_id",
                table: "catalog_product",
                columns: new[] { "status", "title_sort", "id" });
        }
    }
}
