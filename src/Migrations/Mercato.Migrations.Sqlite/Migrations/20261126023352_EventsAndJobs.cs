using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Sqlite.Migrations
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
                    resource_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    last_sequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_event_streams", x => x.resource_id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_events",
                columns: table => new
                {
                    position = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    resource_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    resource_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    data = table.Column<string>(type: "TEXT", nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_events", x => x.position);
                });

            migrationBuilder.CreateTable(
                name: "kernel_jobs",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    run_at = table.Column<long>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    locked_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true),
                    recur_seconds = table.Column<int>(type: "INTEGER", nullable: true)
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
