using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AdminUsers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_admin_user",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false, collation: "C"),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    password_hash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    invited_by = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_login_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_admin_user", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_identity_admin_user_email",
                table: "identity_admin_user",
                column: "email",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_admin_user");
        }
    }
}
