using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Orders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "orders_counter",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_counter", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "orders_order",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    number = table.Column<long>(type: "bigint", nullable: false),
                    cart_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    sales_channel_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    region_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false, collation: "C"),
                    prices_include_tax = table.Column<bool>(type: "boolean", nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false, collation: "C"),
                    customer_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    shipping_address = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    billing_address = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    shipping_option_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    shipping_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    shipping_amount = table.Column<long>(type: "bigint", nullable: false),
                    shipping_tax_rate_basis_points = table.Column<int>(type: "integer", nullable: false),
                    shipping_tax = table.Column<long>(type: "bigint", nullable: false),
                    subtotal = table.Column<long>(type: "bigint", nullable: false),
                    discount = table.Column<long>(type: "bigint", nullable: false),
                    shipping_total = table.Column<long>(type: "bigint", nullable: false),
                    tax = table.Column<long>(type: "bigint", nullable: false),
                    total = table.Column<long>(type: "bigint", nullable: false),
                    captured = table.Column<long>(type: "bigint", nullable: false),
                    refunded = table.Column<long>(type: "bigint", nullable: false),
                    payment_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    payment_provider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    payment_status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    fulfillment_status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    payment_operations = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    canceled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_order", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "orders_fulfillment",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    order_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    location_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    carrier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    tracking_number = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    shipped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_fulfillment", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_fulfillment_order_order_id",
                        column: x => x.order_id,
                        principalTable: "orders_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "orders_order_line",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    order_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    position = table.Column<int>(type: "integer", nullable: false),
                    variant_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    product_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    product_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    variant_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true, collation: "C"),
                    options = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    thumbnail_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true, collation: "C"),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    unit_price = table.Column<long>(type: "bigint", nullable: false),
                    subtotal = table.Column<long>(type: "bigint", nullable: false),
                    discount = table.Column<long>(type: "bigint", nullable: false),
                    tax_rate_basis_points = table.Column<int>(type: "integer", nullable: false),
                    tax = table.Column<long>(type: "bigint", nullable: false),
                    total = table.Column<long>(type: "bigint", nullable: false),
                    manage_inventory = table.Column<bool>(type: "boolean", nullable: false),
                    allow_backorder = table.Column<bool>(type: "boolean", nullable: false),
                    refunded_quantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_order_line", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_order_line_orders_order_order_id",
                        column: x => x.order_id,
                        principalTable: "orders_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "orders_refund",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    order_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    items = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true, collation: "C"),
                    return_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_refund", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_refund_orders_order_order_id",
                        column: x => x.order_id,
                        principalTable: "orders_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "orders_return",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    order_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    restock = table.Column<bool>(type: "boolean", nullable: true),
                    refund_amount = table.Column<long>(type: "bigint", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_return", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_return_orders_order_order_id",
                        column: x => x.order_id,
                        principalTable: "orders_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "orders_timeline_entry",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    order_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C"),
                    data = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_timeline_entry", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_timeline_entry_orders_order_order_id",
                        column: x => x.order_id,
                        principalTable: "orders_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "orders_fulfillment_line",
                columns: table => new
                {
                    fulfillment_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    line_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    quantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_fulfillment_line", x => new { x.fulfillment_id, x.line_id });
                    table.ForeignKey(
                        name: "fk_orders_fulfillment_line_orders_fulfillment_fulfillment_id",
                        column: x => x.fulfillment_id,
                        principalTable: "orders_fulfillment",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "orders_return_line",
                columns: table => new
                {
                    return_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    line_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    quantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_return_line", x => new { x.return_id, x.line_id });
                    table.ForeignKey(
                        name: "fk_orders_return_line_orders_return_return_id",
                        column: x => x.return_id,
                        principalTable: "orders_return",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "orders_counter",
                columns: new[] { "name", "value" },
                values: new object[] { "order_number", 1000L });

            migrationBuilder.CreateIndex(
                name: "ix_orders_fulfillment_order_id",
                table: "orders_fulfillment",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_order_cart_id",
                table: "orders_order",
                column: "cart_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_order_created_at",
                table: "orders_order",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_orders_order_customer_id_id",
                table: "orders_order",
                columns: new[] { "customer_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_order_email_id",
                table: "orders_order",
                columns: new[] { "email", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_order_fulfillment_status_id",
                table: "orders_order",
                columns: new[] { "fulfillment_status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_order_number",
                table: "orders_order",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_order_payment_status_id",
                table: "orders_order",
                columns: new[] { "payment_status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_order_sales_channel_id_id",
                table: "orders_order",
                columns: new[] { "sales_channel_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_order_status_id",
                table: "orders_order",
                columns: new[] { "status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_order_total",
                table: "orders_order",
                column: "total");

            migrationBuilder.CreateIndex(
                name: "ix_orders_order_line_order_id",
                table: "orders_order_line",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_refund_order_id",
                table: "orders_refund",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_return_order_id",
                table: "orders_return",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_timeline_entry_order_id",
                table: "orders_timeline_entry",
                column: "order_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "orders_counter");

            migrationBuilder.DropTable(
                name: "orders_fulfillment_line");

            migrationBuilder.DropTable(
                name: "orders_order_line");

            migrationBuilder.DropTable(
                name: "orders_refund");

            migrationBuilder.DropTable(
                name: "orders_return_line");

            migrationBuilder.DropTable(
                name: "orders_timeline_entry");

            migrationBuilder.DropTable(
                name: "orders_fulfillment");

            migrationBuilder.DropTable(
                name: "orders_return");

            migrationBuilder.DropTable(
                name: "orders_order");
        }
    }
}
