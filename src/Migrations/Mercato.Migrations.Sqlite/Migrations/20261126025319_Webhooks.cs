using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Sqlite.Migrations
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
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    event_types = table.Column<string>(type: "TEXT", maxLength: 5100, nullable: false),
                    secret = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    previous_secret = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    previous_secret_expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    secret_rotated_at = table.Column<long>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    disabled_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    disabled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    failing_since = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhooks_endpoint", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhooks_delivery",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    endpoint_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    resource_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    redelivery_of = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    attempt_count = table.Column<int>(type: "INTEGER", nullable: false),
                    first_attempt_at = table.Column<long>(type: "INTEGER", nullable: true),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    delivery_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    attempted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status_code = table.Column<int>(type: "INTEGER", nullable: true),
                    latency_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    response_body = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
