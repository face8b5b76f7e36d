using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IdentitySessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_login_failures",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    failures = table.Column<int>(type: "INTEGER", nullable: false),
                    last_failure_at = table.Column<long>(type: "INTEGER", nullable: false),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_login_failures", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "identity_one_time_token",
                columns: table => new
                {
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    subject_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_one_time_token", x => x.hash);
                });

            migrationBuilder.CreateTable(
                name: "identity_refresh_token",
                columns: table => new
                {
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    session_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_refresh_token", x => x.hash);
                });

            migrationBuilder.CreateTable(
                name: "identity_session",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    subject_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    subject_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    refreshed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_session", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_signing_key",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    secret = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_signing_key", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_identity_one_time_token_purpose_subject_id",
                table: "identity_one_time_token",
                columns: new[] { "purpose", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_identity_refresh_token_session_id",
                table: "identity_refresh_token",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_identity_session_subject_kind_subject_id",
                table: "identity_session",
                columns: new[] { "subject_kind", "subject_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_login_failures");

            migrationBuilder.DropTable(
                name: "identity_one_time_token");

            migrationBuilder.DropTable(
                name: "identity_refresh_token");

            migrationBuilder.DropTable(
                name: "identity_session");

            migrationBuilder.DropTable(
                name: "identity_signing_key");
        }
    }
}
