using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
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
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                collation: "C");

            migrationBuilder.CreateTable(
                name: "carts_cart",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    sales_channel_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    region_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    currency_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false, collation: "C"),
                    prices_include_tax = table.Column<bool>(type: "boolean", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true, collation: "C"),
                    customer_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    shipping_address = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    billing_address = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    shipping_option_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    shipping_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    shipping_tax_class_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    shipping_amount = table.Column<long>(type: "bigint", nullable: false),
                    shipping_tax_rate = table.Column<int>(type: "integer", nullable: false),
                    shipping_tax = table.Column<long>(type: "bigint", nullable: false),
                    subtotal = table.Column<long>(type: "bigint", nullable: false),
                    discount = table.Column<long>(type: "bigint", nullable: false),
                    shipping_total = table.Column<long>(type: "bigint", nullable: false),
                    tax = table.Column<long>(type: "bigint", nullable: false),
                    total = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    order_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carts_cart", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "checkout_session",
                columns: table => new
                {
                    cart_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    sales_channel_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    payment_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    order_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkout_session", x => x.cart_id);
                });

            migrationBuilder.CreateTable(
                name: "shipping_option",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    region_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    pricing = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: true),
                    free_above_subtotal = table.Column<long>(type: "bigint", nullable: true),
                    tax_class_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shipping_option", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tax_tax_class",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tax_tax_class", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "carts_cart_line",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    cart_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    variant_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    product_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    product_title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    variant_title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    thumbnail = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true, collation: "C"),
                    options_json = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false, collation: "C"),
                    weight_grams = table.Column<int>(type: "integer", nullable: true),
                    manage_inventory = table.Column<bool>(type: "boolean", nullable: false),
                    allow_backorder = table.Column<bool>(type: "boolean", nullable: false),
                    tax_class_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    unit_price = table.Column<long>(type: "bigint", nullable: false),
                    subtotal = table.Column<long>(type: "bigint", nullable: false),
                    discount = table.Column<long>(type: "bigint", nullable: false),
                    tax_rate = table.Column<int>(type: "integer", nullable: false),
                    tax = table.Column<long>(type: "bigint", nullable: false),
                    total = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    option_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    position = table.Column<int>(type: "integer", nullable: false),
                    up_to_grams = table.Column<int>(type: "integer", nullable: true),
                    amount = table.Column<long>(type: "bigint", nullable: false)
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
                    tax_class_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    region_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    rate_basis_points = table.Column<int>(type: "integer", nullable: false)
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
