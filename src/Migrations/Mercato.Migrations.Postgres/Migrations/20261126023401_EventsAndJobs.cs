using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EventsAndJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kernel_event_streams",
                columns: table => new
                {
                    resource_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    last_sequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_event_streams", x => x.resource_id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_events",
                columns: table => new
                {
                    position = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    resource_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    resource_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    data = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_events", x => x.position);
                });

            migrationBuilder.CreateTable(
                name: "kernel_jobs",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    payload = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    locked_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recur_seconds = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_jobs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_events_id",
                table: "kernel_events",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_events_published_at_position",
                table: "kernel_events",
                columns: new[] { "published_at", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_events_resource_id_sequence",
                table: "kernel_events",
                columns: new[] { "resource_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_events_type_position",
                table: "kernel_events",
                columns: new[] { "type", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_jobs_key",
                table: "kernel_jobs",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_jobs_state_run_at",
                table: "kernel_jobs",
                columns: new[] { "state", "run_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kernel_event_streams");

            migrationBuilder.DropTable(
                name: "kernel_events");

            migrationBuilder.DropTable(
                name: "kernel_jobs");
        }
    }
}
