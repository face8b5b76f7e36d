using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
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
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    cart_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    open_cart_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    order_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    provider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    currency_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false, collation: "C"),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    authorized_amount = table.Column<long>(type: "bigint", nullable: false),
                    captured_amount = table.Column<long>(type: "bigint", nullable: false),
                    refunded_amount = table.Column<long>(type: "bigint", nullable: false),
                    capture_pending = table.Column<long>(type: "bigint", nullable: false),
                    refund_pending = table.Column<long>(type: "bigint", nullable: false),
                    provider_reference = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    session_data = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true, collation: "C"),
                    client_data = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_payment", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_payment_operation",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    payment_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    provider_reference = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    error_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_payment_operation", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_webhook_event",
                columns: table => new
                {
                    provider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    event_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C"),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
