using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Sqlite.Migrations
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
                    name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_counter", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "orders_order",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    number = table.Column<long>(type: "INTEGER", nullable: false),
                    cart_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    sales_channel_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    region_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    prices_include_tax = table.Column<bool>(type: "INTEGER", nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    shipping_address = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    billing_address = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    shipping_option_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    shipping_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    shipping_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    shipping_tax_rate_basis_points = table.Column<int>(type: "INTEGER", nullable: false),
                    shipping_tax = table.Column<long>(type: "INTEGER", nullable: false),
                    subtotal = table.Column<long>(type: "INTEGER", nullable: false),
                    discount = table.Column<long>(type: "INTEGER", nullable: false),
                    shipping_total = table.Column<long>(type: "INTEGER", nullable: false),
                    tax = table.Column<long>(type: "INTEGER", nullable: false),
                    total = table.Column<long>(type: "INTEGER", nullable: false),
                    captured = table.Column<long>(type: "INTEGER", nullable: false),
                    refunded = table.Column<long>(type: "INTEGER", nullable: false),
                    payment_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    payment_provider = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    payment_status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    fulfillment_status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    payment_operations = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    canceled_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_order", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "orders_fulfillment",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    location_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    carrier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    tracking_number = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    shipped_at = table.Column<long>(type: "INTEGER", nullable: true),
                    delivered_at = table.Column<long>(type: "INTEGER", nullable: true)
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
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    variant_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    product_title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    variant_title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    options = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    thumbnail_url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    unit_price = table.Column<long>(type: "INTEGER", nullable: false),
                    subtotal = table.Column<long>(type: "INTEGER", nullable: false),
                    discount = table.Column<long>(type: "INTEGER", nullable: false),
                    tax_rate_basis_points = table.Column<int>(type: "INTEGER", nullable: false),
                    tax = table.Column<long>(type: "INTEGER", nullable: false),
                    total = table.Column<long>(type: "INTEGER", nullable: false),
                    manage_inventory = table.Column<bool>(type: "INTEGER", nullable: false),
                    allow_backorder = table.Column<bool>(type: "INTEGER", nullable: false),
                    refunded_quantity = table.Column<int>(type: "INTEGER", nullable: false)
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
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    items = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    return_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    restock = table.Column<bool>(type: "INTEGER", nullable: true),
                    refund_amount = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: true)
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
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    data = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true)
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
                    fulfillment_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    line_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false)
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
                    return_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    line_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false)
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
