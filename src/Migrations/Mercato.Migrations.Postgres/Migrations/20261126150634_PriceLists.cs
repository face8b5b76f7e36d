using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
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
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "catalog_price_lists",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    customer_group_ids = table.Column<string>(type: "character varying(2050)", maxLength: 2050, nullable: false, collation: "C"),
                    region_ids = table.Column<string>(type: "character varying(2050)", maxLength: 2050, nullable: false, collation: "C"),
                    sales_channel_ids = table.Column<string>(type: "character varying(2050)", maxLength: 2050, nullable: false, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_price_lists", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_price_list_prices",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    price_list_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    variant_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    currency_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false, collation: "C"),
                    min_quantity = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false)
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
                name: "ix_catalog_price_list_prices_price_list_id_variant_id_currency",
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
