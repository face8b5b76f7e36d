using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mercato.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Order numbers come from a sequence on PostgreSQL (see OrderPlacement.NextNumberAsync), continuing from the counter row,
    /// so the next order gets the number the row would have given it. SQLite keeps the counter row: no migration there.
    /// </summary>
    public partial class OrderNumberSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE SEQUENCE orders_number_seq AS bigint;");
            migrationBuilder.Sql("SELECT setval('orders_number_seq', (SELECT value FROM orders_counter WHERE name = 'order_number'));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE orders_counter SET value = (SELECT last_value FROM orders_number_seq) WHERE name = 'order_number';");
            migrationBuilder.Sql("DROP SEQUENCE orders_number_seq;");
        }
    }
}
