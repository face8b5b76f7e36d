using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CartsShippingTaxCheckout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "tax_class_id",
                table: "catalog_product",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "carts_cart",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    sales_channel_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    region_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    currency_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    prices_include_tax = table.Column<bool>(type: "INTEGER", nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    shipping_address = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    billing_address = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    shipping_option_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    shipping_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    shipping_tax_class_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    shipping_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    shipping_tax_rate = table.Column<int>(type: "INTEGER", nullable: false),
                    shipping_tax = table.Column<long>(type: "INTEGER", nullable: false),
                    subtotal = table.Column<long>(type: "INTEGER", nullable: false),
                    discount = table.Column<long>(type: "INTEGER", nullable: false),
                    shipping_total = table.Column<long>(type: "INTEGER", nullable: false),
                    tax = table.Column<long>(type: "INTEGER", nullable: false),
                    total = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carts_cart", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "checkout_session",
                columns: table => new
                {
                    cart_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    sales_channel_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    payment_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    lease_until = table.Column<long>(type: "INTEGER", nullable: true),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkout_session", x => x.cart_id);
                });

            migrationBuilder.CreateTable(
                name: "shipping_option",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    region_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    pricing = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: true),
                    free_above_subtotal = table.Column<long>(type: "INTEGER", nullable: true),
                    tax_class_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shipping_option", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tax_tax_class",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tax_tax_class", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "carts_cart_line",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    cart_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    variant_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    product_title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    variant_title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    thumbnail = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    options_json = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    weight_grams = table.Column<int>(type: "INTEGER", nullable: true),
                    manage_inventory = table.Column<bool>(type: "INTEGER", nullable: false),
                    allow_backorder = table.Column<bool>(type: "INTEGER", nullable: false),
                    tax_class_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    unit_price = table.Column<long>(type: "INTEGER", nullable: false),
                    subtotal = table.Column<long>(type: "INTEGER", nullable: false),
                    discount = table.Column<long>(type: "INTEGER", nullable: false),
                    tax_rate = table.Column<int>(type: "INTEGER", nullable: false),
                    tax = table.Column<long>(type: "INTEGER", nullable: false),
                    total = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carts_cart_line", x => x.id);
                    table.ForeignKey(
                        name: "fk_carts_cart_line_carts_cart_cart_id",
                        column: x => x.cart_id,
                        principalTable: "carts_cart",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shipping_option_band",
                columns: table => new
                {
                    option_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    up_to_grams = table.Column<int>(type: "INTEGER", nullable: true),
                    amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shipping_option_band", x => new { x.option_id, x.position });
                    table.ForeignKey(
                        name: "fk_shipping_option_band_shipping_option_option_id",
                        column: x => x.option_id,
                        principalTable: "shipping_option",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tax_tax_class_rate",
                columns: table => new
                {
                    tax_class_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    region_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    rate_basis_points = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tax_tax_class_rate", x => new { x.tax_class_id, x.region_id });
                    table.ForeignKey(
                        name: "fk_tax_tax_class_rate_tax_tax_class_tax_class_id",
                        column: x => x.tax_class_id,
                        principalTable: "tax_tax_class",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_carts_cart_expires_at",
                table: "carts_cart",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_carts_cart_line_cart_id_variant_id",
                table: "carts_cart_line",
                columns: new[] { "cart_id", "variant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_checkout_session_state_lease_until",
                table: "checkout_session",
                columns: new[] { "state", "lease_until" });

            migrationBuilder.CreateIndex(
                name: "ix_shipping_option_region_id_id",
                table: "shipping_option",
                columns: new[] { "region_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tax_tax_class_code",
                table: "tax_tax_class",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "carts_cart_line");

            migrationBuilder.DropTable(
                name: "checkout_session");

            migrationBuilder.DropTable(
                name: "shipping_option_band");

            migrationBuilder.DropTable(
                name: "tax_tax_class_rate");

            migrationBuilder.DropTable(
                name: "carts_cart");

            migrationBuilder.DropTable(
                name: "shipping_option");

            migrationBuilder.DropTable(
                name: "tax_tax_class");

            migrationBuilder.DropColumn(
                name: "tax_class_id",
                table: "catalog_product");
        }
    }
}
