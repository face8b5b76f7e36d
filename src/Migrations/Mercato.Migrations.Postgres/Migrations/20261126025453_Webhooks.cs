using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Webhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "webhooks_endpoint",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    event_types = table.Column<string>(type: "character varying(5100)", maxLength: 5100, nullable: false),
                    secret = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "C"),
                    previous_secret = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true, collation: "C"),
                    previous_secret_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    secret_rotated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    disabled_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    disabled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failing_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhooks_endpoint", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhooks_delivery",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    endpoint_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    event_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    event_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    resource_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    redelivery_of = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    attempt_count = table.Column<int>(type: "integer", nullable: false),
                    first_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhooks_delivery", x => x.id);
                    table.ForeignKey(
                        name: "fk_webhooks_delivery_webhook_endpoint_endpoint_id",
                        column: x => x.endpoint_id,
                        principalTable: "webhooks_endpoint",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webhooks_attempt",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    delivery_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    number = table.Column<int>(type: "integer", nullable: false),
                    attempted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    latency_ms = table.Column<long>(type: "bigint", nullable: false),
                    response_body = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true, collation: "C"),
                    error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhooks_attempt", x => x.id);
                    table.ForeignKey(
                        name: "fk_webhooks_attempt_webhooks_delivery_delivery_id",
                        column: x => x.delivery_id,
                        principalTable: "webhooks_delivery",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_webhooks_attempt_delivery_id_number",
                table: "webhooks_attempt",
                columns: new[] { "delivery_id", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_webhooks_delivery_endpoint_id_id",
                table: "webhooks_delivery",
                columns: new[] { "endpoint_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_webhooks_delivery_endpoint_id_resource_id_sequence",
                table: "webhooks_delivery",
                columns: new[] { "endpoint_id", "resource_id", "sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "webhooks_attempt");

            migrationBuilder.DropTable(
                name: "webhooks_delivery");

            migrationBuilder.DropTable(
                name: "webhooks_endpoint");
        }
    }
}
