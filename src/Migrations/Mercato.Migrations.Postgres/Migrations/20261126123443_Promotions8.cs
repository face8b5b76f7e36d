using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Promotions8 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "applied_promotions_json",
                table: "carts_cart",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "promotion_codes",
                table: "carts_cart",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.AddColumn<long>(
                name: "shipping_discount",
                table: "carts_cart",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "promotions_code",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    promotion_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    usage_limit = table.Column<int>(type: "integer", nullable: true),
                    used_count = table.Column<int>(type: "integer", nullable: false),
                    batch_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_promotions_code", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "promotions_promotion",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    requires_code = table.Column<bool>(type: "boolean", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    exclusive = table.Column<bool>(type: "boolean", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    action_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    percent_basis_points = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    buy_quantity = table.Column<int>(type: "integer", nullable: false),
                    get_quantity = table.Column<int>(type: "integer", nullable: false),
                    bundle_quantity = table.Column<int>(type: "integer", nullable: false),
                    conditions_json = table.Column<string>(type: "character varying(64000)", maxLength: 64000, nullable: false, collation: "C"),
                    usage_limit = table.Column<int>(type: "integer", nullable: true),
                    per_customer_limit = table.Column<int>(type: "integer", nullable: true),
                    used_count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_promotions_promotion", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "promotions_redemption",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    promotion_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    code_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    order_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    customer_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_promotions_redemption", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_promotions_code_code",
                table: "promotions_code",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_promotions_code_promotion_id_code",
                table: "promotions_code",
                columns: new[] { "promotion_id", "code" });

            migrationBuilder.CreateIndex(
                name: "ix_promotions_promotion_enabled_requires_code",
                table: "promotions_promotion",
                columns: new[] { "enabled", "requires_code" });

            migrationBuilder.CreateIndex(
                name: "ix_promotions_redemption_order_id_promotion_id",
                table: "promotions_redemption",
                columns: new[] { "order_id", "promotion_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_promotions_redemption_promotion_id_customer_id",
                table: "promotions_redemption",
                columns: new[] { "promotion_id", "customer_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "promotions_code");

            migrationBuilder.DropTable(
                name: "promotions_promotion");

            migrationBuilder.DropTable(
                name: "promotions_redemption");

            migrationBuilder.DropColumn(
                name: "applied_promotions_json",
                table: "carts_cart");

            migrationBuilder.DropColumn(
                name: "promotion_codes",
                table: "carts_cart");

            migrationBuilder.DropColumn(
                name: "shipping_discount",
                table: "carts_cart");
        }
    }
}
