using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Payments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payments_payment",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    cart_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    open_cart_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    provider = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    currency_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    authorized_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    captured_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    refunded_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    capture_pending = table.Column<long>(type: "INTEGER", nullable: false),
                    refund_pending = table.Column<long>(type: "INTEGER", nullable: false),
                    provider_reference = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    session_data = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    client_data = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_payment", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_payment_operation",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    payment_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: true),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    provider_reference = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    error_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_payment_operation", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_webhook_event",
                columns: table => new
                {
                    provider = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_webhook_event", x => new { x.provider, x.event_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_payments_payment_cart_id_created_at",
                table: "payments_payment",
                columns: new[] { "cart_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_payment_open_cart_id",
                table: "payments_payment",
                column: "open_cart_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_payment_provider_provider_reference",
                table: "payments_payment",
                columns: new[] { "provider", "provider_reference" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_payment_status_updated_at",
                table: "payments_payment",
                columns: new[] { "status", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_payment_operation_payment_id_kind_idempotency_key",
                table: "payments_payment_operation",
                columns: new[] { "payment_id", "kind", "idempotency_key" },
                unique: true,
                filter: "outcome <> 'Failed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payments_payment");

            migrationBuilder.DropTable(
                name: "payments_payment_operation");

            migrationBuilder.DropTable(
                name: "payments_webhook_event");
        }
    }
}
