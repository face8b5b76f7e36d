using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Customers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customers_customer",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false, collation: "C"),
                    password_hash = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    search_name = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false, collation: "C"),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    email_verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    disabled = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_customer", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers_group",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    handle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_group", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers_address",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    customer_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    company = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    line1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    line2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    province = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    postal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false, collation: "C"),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    is_default_shipping = table.Column<bool>(type: "boolean", nullable: false),
                    is_default_billing = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_address", x => x.id);
                    table.ForeignKey(
                        name: "fk_customers_address_customers_customer_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers_customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "customers_group_member",
                columns: table => new
                {
                    customer_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    group_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_group_member", x => new { x.customer_id, x.group_id });
                    table.ForeignKey(
                        name: "fk_customers_group_member_customer_group_group_id",
                        column: x => x.group_id,
                        principalTable: "customers_group",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_customers_group_member_customers_customer_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers_customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customers_address_customer_id_id",
                table: "customers_address",
                columns: new[] { "customer_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_customer_created_at",
                table: "customers_customer",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_customers_customer_email",
                table: "customers_customer",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_group_handle",
                table: "customers_group",
                column: "handle",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_group_member_group_id_customer_id",
                table: "customers_group_member",
                columns: new[] { "group_id", "customer_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customers_address");

            migrationBuilder.DropTable(
                name: "customers_group_member");

            migrationBuilder.DropTable(
                name: "customers_group");

            migrationBuilder.DropTable(
                name: "customers_customer");
        }
    }
}
