using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Cli : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "orders_order",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "customers_customer",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                collation: "C");

            migrationBuilder.CreateIndex(
                name: "ix_orders_order_external_id",
                table: "orders_order",
                column: "external_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_order_updated_at_id",
                table: "orders_order",
                columns: new[] { "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_level_updated_at",
                table: "inventory_level",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ix_customers_customer_external_id",
                table: "customers_customer",
                column: "external_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_customer_updated_at_id",
                table: "customers_customer",
                columns: new[] { "updated_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_order_external_id",
                table: "orders_order");

            migrationBuilder.DropIndex(
                name: "ix_orders_order_updated_at_id",
                table: "orders_order");

            migrationBuilder.DropIndex(
                name: "ix_inventory_level_updated_at",
                table: "inventory_level");

            migrationBuilder.DropIndex(
                name: "ix_customers_customer_external_id",
                table: "customers_customer");

            migrationBuilder.DropIndex(
                name: "ix_customers_customer_updated_at_id",
                table: "customers_customer");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "orders_order");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "customers_customer");
        }
    }
}
