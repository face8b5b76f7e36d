using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Inventory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inventory_adjustment",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    location_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    delta = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    caller_key_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_adjustment", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_level",
                columns: table => new
                {
                    sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    location_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    on_hand = table.Column<int>(type: "integer", nullable: false),
                    reserved = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_level", x => new { x.sku, x.location_id });
                });

            migrationBuilder.CreateTable(
                name: "inventory_reservation",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    holder_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    location_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_reservation", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_adjustment_sku_id",
                table: "inventory_adjustment",
                columns: new[] { "sku", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_level_location_id",
                table: "inventory_level",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_reservation_expires_at",
                table: "inventory_reservation",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_reservation_holder_id",
                table: "inventory_reservation",
                column: "holder_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_reservation_location_id",
                table: "inventory_reservation",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_reservation_sku_expires_at",
                table: "inventory_reservation",
                columns: new[] { "sku", "expires_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inventory_adjustment");

            migrationBuilder.DropTable(
                name: "inventory_level");

            migrationBuilder.DropTable(
                name: "inventory_reservation");
        }
    }
}
