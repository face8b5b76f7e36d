using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PriceLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "original_unit_price",
                table: "carts_cart_line",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "catalog_price_lists",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    starts_at = table.Column<long>(type: "INTEGER", nullable: true),
                    ends_at = table.Column<long>(type: "INTEGER", nullable: true),
                    customer_group_ids = table.Column<string>(type: "TEXT", maxLength: 2050, nullable: false),
                    region_ids = table.Column<string>(type: "TEXT", maxLength: 2050, nullable: false),
                    sales_channel_ids = table.Column<string>(type: "TEXT", maxLength: 2050, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_price_lists", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_price_list_prices",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    price_list_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    variant_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    currency_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    min_quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_price_list_prices", x => x.id);
                    table.ForeignKey(
                        name: "fk_catalog_price_list_prices_catalog_price_lists_price_list_id",
                        column: x => x.price_list_id,
                        principalTable: "catalog_price_lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_price_list_prices_price_list_id_variant_id_currency_code_min_quantity",
                table: "catalog_price_list_prices",
                columns: new[] { "price_list_id", "variant_id", "currency_code", "min_quantity" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_price_list_prices_variant_id_currency_code",
                table: "catalog_price_list_prices",
                columns: new[] { "variant_id", "currency_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_price_list_prices");

            migrationBuilder.DropTable(
                name: "catalog_price_lists");

            migrationBuilder.DropColumn(
                name: "original_unit_price",
                table: "carts_cart_line");
        }
    }
}
