using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Sqlite.Migrations
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
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    location_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    delta = table.Column<int>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    caller_key_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_adjustment", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_level",
                columns: table => new
                {
                    sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    location_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    on_hand = table.Column<int>(type: "INTEGER", nullable: false),
                    reserved = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_level", x => new { x.sku, x.location_id });
                });

            migrationBuilder.CreateTable(
                name: "inventory_reservation",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    holder_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    location_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
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
