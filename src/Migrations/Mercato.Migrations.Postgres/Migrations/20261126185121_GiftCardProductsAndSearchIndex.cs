using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class GiftCardProductsAndSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_catalog_search_postings_covering",
                table: "catalog_search_postings");

            migrationBuilder.AddColumn<string>(
                name: "gift_cards_json",
                table: "orders_order_line",
                type: "character varying(100000)",
                maxLength: 100000,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.AddColumn<bool>(
                name: "is_gift_card",
                table: "orders_order_line",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "source_key",
                table: "gift_cards_card",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<bool>(
                name: "gift_card",
                table: "catalog_product",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_gift_card",
                table: "carts_cart_line",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_gift_cards_card_source_key",
                table: "gift_cards_card",
                column: "source_key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_gift_cards_card_source_key",
                table: "gift_cards_card");

            migrationBuilder.DropColumn(
                name: "gift_cards_json",
                table: "orders_order_line");

            migrationBuilder.DropColumn(
                name: "is_gift_card",
                table: "orders_order_line");

            migrationBuilder.DropColumn(
                name: "source_key",
                table: "gift_cards_card");

            migrationBuilder.DropColumn(
                name: "gift_card",
                table: "catalog_product");

            migrationBuilder.DropColumn(
                name: "is_gift_card",
                table: "carts_cart_line");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_search_postings_covering",
                table: "catalog_search_postings",
                columns: new[] { "term", "product_id", "weight" });
        }
    }
}
