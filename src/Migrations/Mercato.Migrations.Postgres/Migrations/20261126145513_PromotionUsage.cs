using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PromotionUsage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "currency",
                table: "promotions_redemption",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.AddColumn<long>(
                name: "discount",
                table: "promotions_redemption",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "email",
                table: "promotions_redemption",
                type: "character varying(320)",
                maxLength: 320,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.AddColumn<long>(
                name: "order_total",
                table: "promotions_redemption",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "released_at",
                table: "promotions_redemption",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "promotions_json",
                table: "orders_order",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.CreateIndex(
                name: "ix_promotions_redemption_promotion_id_email",
                table: "promotions_redemption",
                columns: new[] { "promotion_id", "email" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_promotions_redemption_promotion_id_email",
                table: "promotions_redemption");

            migrationBuilder.DropColumn(
                name: "currency",
                table: "promotions_redemption");

            migrationBuilder.DropColumn(
                name: "discount",
                table: "promotions_redemption");

            migrationBuilder.DropColumn(
                name: "email",
                table: "promotions_redemption");

            migrationBuilder.DropColumn(
                name: "order_total",
                table: "promotions_redemption");

            migrationBuilder.DropColumn(
                name: "released_at",
                table: "promotions_redemption");

            migrationBuilder.DropColumn(
                name: "promotions_json",
                table: "orders_order");
        }
    }
}
