using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Imports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "inventory_stock_location",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "catalog_variant",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "catalog_category",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "catalog_import",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    dry_run = table.Column<bool>(type: "INTEGER", nullable: false),
                    all_or_nothing = table.Column<bool>(type: "INTEGER", nullable: false),
                    validating = table.Column<bool>(type: "INTEGER", nullable: false),
                    caller_key_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    chunks = table.Column<int>(type: "INTEGER", nullable: false),
                    rows_processed = table.Column<int>(type: "INTEGER", nullable: false),
                    created = table.Column<int>(type: "INTEGER", nullable: false),
                    updated = table.Column<int>(type: "INTEGER", nullable: false),
                    unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    failed = table.Column<int>(type: "INTEGER", nullable: false),
                    error_count = table.Column<int>(type: "INTEGER", nullable: false),
                    failure_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: true),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_import", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_import_chunk",
                columns: table => new
                {
                    import_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_import_chunk", x => new { x.import_id, x.number });
                    table.ForeignKey(
                        name: "fk_catalog_import_chunk_catalog_import_import_id",
                        column: x => x.import_id,
                        principalTable: "catalog_import",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_import_error",
                columns: table => new
                {
                    import_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    row = table.Column<int>(type: "INTEGER", nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_import_error", x => new { x.import_id, x.number });
                    table.ForeignKey(
                        name: "fk_catalog_import_error_catalog_import_import_id",
                        column: x => x.import_id,
                        principalTable: "catalog_import",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_stock_location_external_id",
                table: "inventory_stock_location",
                column: "external_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_variant_external_id",
                table: "catalog_variant",
                column: "external_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_category_external_id",
                table: "catalog_category",
                column: "external_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_import_chunk");

            migrationBuilder.DropTable(
                name: "catalog_import_error");

            migrationBuilder.DropTable(
                name: "catalog_import");

            migrationBuilder.DropIndex(
                name: "ix_inventory_stock_location_external_id",
                table: "inventory_stock_location");

            migrationBuilder.DropIndex(
                name: "ix_catalog_variant_external_id",
                table: "catalog_variant");

            migrationBuilder.DropIndex(
                name: "ix_catalog_category_external_id",
                table: "catalog_category");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "inventory_stock_location");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "catalog_variant");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "catalog_category");
        }
    }
}
