using System.Reflection;
using Mercato.Audit;
using Mercato.Carts;
using Mercato.Catalog;
using Mercato.Channels;
using Mercato.Checkout;
using Mercato.Customers;
using Mercato.GiftCards;
using Mercato.Identity;
using Mercato.Inventory;
using Mercato.Orders;
using Mercato.Payments;
using Mercato.Promotions;
using Mercato.Regions;
using Mercato.Shipping;
using Mercato.Tax;
using Mercato.Webhooks;

namespace Mercato.Api.Hosting;

/// <summary>The module list: the one place that knows every module.</summary>
internal static class Modules
{
    public static readonly Assembly[] Assemblies =
    [
        typeof(Mercato.Kernel.Persistence.MercatoDb).Assembly,
        AuditModule.Assembly,
        CartsModule.Assembly,
        CatalogModule.Assembly,
        ChannelsModule.Assembly,
        CheckoutModule.Assembly,
        CustomersModule.Assembly,
        GiftCardsModule.Assembly,
        IdentityModule.Assembly,
        InventoryModule.Assembly,
        OrdersModule.Assembly,
        PaymentsModule.Assembly,
        PromotionsModule.Assembly,
        RegionsModule.Assembly,
        ShippingModule.Assembly,
        TaxModule.Assembly,
        WebhooksModule.Assembly,
    ];

    public static IServiceCollection AddModules(this IServiceCollection services) => services
        .AddAudit()
        .AddCarts()
        .AddCatalog()
        .AddChannels()
        .AddCheckout()
        .AddCustomers()
        .AddGiftCards()
        .AddInventory()
        .AddOrders()
        .AddPayments()
        .AddPromotions()
        .AddRegions()
        .AddShipping()
        .AddTax()
        .AddWebhooks();

    public static void MapModules(RouteGroupBuilder store, RouteGroupBuilder admin, IEndpointRouteBuilder root)
    {
        AuditModule.MapAudit(store, admin);
        CartsModule.MapCarts(store, admin);
        CatalogModule.MapCatalog(store, admin);
        ChannelsModule.MapChannels(store, admin);
        CheckoutModule.MapCheckout(store, admin);
        CustomersModule.MapCustomers(store, admin);
        GiftCardsModule.MapGiftCards(store, admin);
        IdentityModule.MapIdentity(store, admin);
        InventoryModule.MapInventory(store, admin);
        OrdersModule.MapOrders(store, admin);
        PaymentsModule.MapPayments(store, admin, root);
        PromotionsModule.MapPromotions(store, admin);
        RegionsModule.MapRegions(store, admin);
        ShippingModule.MapShipping(store, admin);
        TaxModule.MapTax(store, admin);
        WebhooksModule.MapWebhooks(store, admin);
    }
}
