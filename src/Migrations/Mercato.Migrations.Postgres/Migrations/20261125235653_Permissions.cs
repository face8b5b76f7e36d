using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Permissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "role",
                table: "identity_api_key",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldCollation: "C");

            migrationBuilder.AddColumn<string>(
                name: "scopes",
                table: "identity_api_key",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                collation: "C");

            migrationBuilder.CreateTable(
                name: "audit_entry",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    actor_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    method = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, collation: "C"),
                    route = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    path = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    resource_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    resource_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true, collation: "C"),
                    changed_fields = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    status = table.Column<int>(type: "integer", nullable: false),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    user_agent = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    request_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entry", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entry_action_id",
                table: "audit_entry",
                columns: new[] { "action", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entry_actor_id_id",
                table: "audit_entry",
                columns: new[] { "actor_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entry_occurred_at",
                table: "audit_entry",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entry_resource_type_resource_id_id",
                table: "audit_entry",
                columns: new[] { "resource_type", "resource_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entry");

            migrationBuilder.DropColumn(
                name: "scopes",
                table: "identity_api_key");

            migrationBuilder.AlterColumn<string>(
                name: "role",
                table: "identity_api_key",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "",
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true,
                oldCollation: "C");
        }
    }
}
