using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Sqlite.Migrations
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
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    first_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    search_name = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    email_verified_at = table.Column<long>(type: "INTEGER", nullable: true),
                    disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_customer", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers_group",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    handle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_group", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers_address",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    first_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    company = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    line1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    line2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    city = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    province = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    country_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    is_default_shipping = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_default_billing = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    group_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
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
