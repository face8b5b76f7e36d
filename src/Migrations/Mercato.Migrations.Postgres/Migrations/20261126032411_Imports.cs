using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "catalog_variant",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "catalog_category",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                collation: "C");

            migrationBuilder.CreateTable(
                name: "catalog_import",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    content_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    dry_run = table.Column<bool>(type: "boolean", nullable: false),
                    all_or_nothing = table.Column<bool>(type: "boolean", nullable: false),
                    validating = table.Column<bool>(type: "boolean", nullable: false),
                    caller_key_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    bytes = table.Column<long>(type: "bigint", nullable: false),
                    chunks = table.Column<int>(type: "integer", nullable: false),
                    rows_processed = table.Column<int>(type: "integer", nullable: false),
                    created = table.Column<int>(type: "integer", nullable: false),
                    updated = table.Column<int>(type: "integer", nullable: false),
                    unchanged = table.Column<int>(type: "integer", nullable: false),
                    failed = table.Column<int>(type: "integer", nullable: false),
                    error_count = table.Column<int>(type: "integer", nullable: false),
                    failure_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_import", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_import_chunk",
                columns: table => new
                {
                    import_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    number = table.Column<int>(type: "integer", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
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
                    import_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    number = table.Column<int>(type: "integer", nullable: false),
                    row = table.Column<int>(type: "integer", nullable: false),
                    field = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C")
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
