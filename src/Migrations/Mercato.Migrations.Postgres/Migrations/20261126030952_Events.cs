using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Events : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "abandoned_at",
                table: "carts_cart",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_carts_cart_abandoned_at_updated_at",
                table: "carts_cart",
                columns: new[] { "abandoned_at", "updated_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_carts_cart_abandoned_at_updated_at",
                table: "carts_cart");

            migrationBuilder.DropColumn(
                name: "abandoned_at",
                table: "carts_cart");
        }
    }
}
