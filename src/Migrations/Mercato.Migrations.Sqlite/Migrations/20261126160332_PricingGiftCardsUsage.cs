using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PricingGiftCardsUsage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "currency",
                table: "promotions_redemption",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "discount",
                table: "promotions_redemption",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "email",
                table: "promotions_redemption",
                type: "TEXT",
                maxLength: 320,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "order_total",
                table: "promotions_redemption",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "released_at",
                table: "promotions_redemption",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "gift_card_refunded",
                table: "orders_order",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "gift_card_total",
                table: "orders_order",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "promotions_json",
                table: "orders_order",
                type: "TEXT",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

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
                name: "gift_cards_card",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    code_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    last4 = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    initial_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    balance = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gift_cards_card", x => x.id);
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

            migrationBuilder.CreateTable(
                name: "gift_cards_cart_card",
                columns: table => new
                {
                    cart_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    gift_card_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    added_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gift_cards_cart_card", x => new { x.cart_id, x.gift_card_id });
                    table.ForeignKey(
                        name: "fk_gift_cards_cart_card_gift_card_gift_card_id",
                        column: x => x.gift_card_id,
                        principalTable: "gift_cards_card",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "gift_cards_transaction",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    gift_card_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    balance_after = table.Column<long>(type: "INTEGER", nullable: false),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    cart_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    actor = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gift_cards_transaction", x => x.id);
                    table.ForeignKey(
                        name: "fk_gift_cards_transaction_gift_cards_card_gift_card_id",
                        column: x => x.gift_card_id,
                        principalTable: "gift_cards_card",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_promotions_redemption_promotion_id_email",
                table: "promotions_redemption",
                columns: new[] { "promotion_id", "email" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_price_list_prices_price_list_id_variant_id_currency_code_min_quantity",
                table: "catalog_price_list_prices",
                columns: new[] { "price_list_id", "variant_id", "currency_code", "min_quantity" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_price_list_prices_variant_id_currency_code",
                table: "catalog_price_list_prices",
                columns: new[] { "variant_id", "currency_code" });

            migrationBuilder.CreateIndex(
                name: "ix_gift_cards_card_code_hash",
                table: "gift_cards_card",
                column: "code_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_gift_cards_card_customer_id_id",
                table: "gift_cards_card",
                columns: new[] { "customer_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_gift_cards_card_expires_at",
                table: "gift_cards_card",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_gift_cards_card_last4",
                table: "gift_cards_card",
                column: "last4");

            migrationBuilder.CreateIndex(
                name: "ix_gift_cards_card_status_id",
                table: "gift_cards_card",
                columns: new[] { "status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_gift_cards_cart_card_gift_card_id",
                table: "gift_cards_cart_card",
                column: "gift_card_id");

            migrationBuilder.CreateIndex(
                name: "ix_gift_cards_transaction_gift_card_id_id",
                table: "gift_cards_transaction",
                columns: new[] { "gift_card_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_gift_cards_transaction_order_id",
                table: "gift_cards_transaction",
                column: "order_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_price_list_prices");

            migrationBuilder.DropTable(
                name: "gift_cards_cart_card");

            migrationBuilder.DropTable(
                name: "gift_cards_transaction");

            migrationBuilder.DropTable(
                name: "catalog_price_lists");

            migrationBuilder.DropTable(
                name: "gift_cards_card");

            migrationBuilder.DropIndex(
                name: "ix_promotions_redemption_promotion_id_email",
                table: "promotions_redemption");

            migrationBuilder.DropColumn(
                name: "currency",
                table: "promotions_redemption");

            migrationBuilder.DropColumn(
                name: "discount",
                table: "promotions_redemption");

            migrationBuilder.DropColumn(
                name: "email",
                table: "promotions_redemption");

            migrationBuilder.DropColumn(
                name: "order_total",
                table: "promotions_redemption");

            migrationBuilder.DropColumn(
                name: "released_at",
                table: "promotions_redemption");

            migrationBuilder.DropColumn(
                name: "gift_card_refunded",
                table: "orders_order");

            migrationBuilder.DropColumn(
                name: "gift_card_total",
                table: "orders_order");

            migrationBuilder.DropColumn(
                name: "promotions_json",
                table: "orders_order");

            migrationBuilder.DropColumn(
                name: "original_unit_price",
                table: "carts_cart_line");
        }
    }
}
