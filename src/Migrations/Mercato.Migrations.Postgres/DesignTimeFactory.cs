using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mercato.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the model for this provider without starting the host (scripts/add-migration.sh).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MercatoDb>
{
    public MercatoDb CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<MercatoDb>();
        MercatoDbOptions.Configure(builder, DatabaseProvider.Postgres, "Host=localhost;Database=mercato_design;Username=postgres",
        [
            typeof(MercatoDb).Assembly, Catalog.CatalogModule.Assembly, Channels.ChannelsModule.Assembly, Identity.IdentityModule.Assembly,
            Inventory.InventoryModule.Assembly, Regions.RegionsModule.Assembly, Carts.CartsModule.Assembly, Checkout.CheckoutModule.Assembly,
            Orders.OrdersModule.Assembly, Payments.PaymentsModule.Assembly, Shipping.ShippingModule.Assembly, Tax.TaxModule.Assembly,
            Customers.CustomersModule.Assembly,
            Audit.AuditModule.Assembly,
            Webhooks.WebhooksModule.Assembly,
            Promotions.PromotionsModule.Assembly,
            GiftCards.GiftCardsModule.Assembly,
        ]);
        return new MercatoDb(builder.Options);
    }
}
