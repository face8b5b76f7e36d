using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "discount",
                table: "promotions_redemption",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "email",
                table: "promotions_redemption",
                type: "TEXT",
                maxLength: 320,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "order_total",
                table: "promotions_redemption",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "released_at",
                table: "promotions_redemption",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "promotions_json",
                table: "orders_order",
                type: "TEXT",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

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
