using System.Reflection;
using Mercato.Orders.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Orders;

/// <summary>Front door of the Orders module: orders, their payments, fulfilments, returns and timeline.</summary>
public static class OrdersModule
{
    public static Assembly Assembly => typeof(OrdersModule).Assembly;

    public static IServiceCollection AddOrders(this IServiceCollection services) =>
        services.AddScoped<IOrderPlacement, OrderPlacement>().AddScoped<IOrderHistory, OrderHistory>();

    public static void MapOrders(RouteGroupBuilder store, RouteGroupBuilder admin)
    {
        var orders = AdminOrders.Map(admin);
        OrderPayments.Map(orders);
        OrderFulfillments.Map(orders);
        OrderReturns.Map(orders);
        ExportOrders.Map(admin);
        GetStoreOrder.Map(store);
        ListCustomerOrders.Map(store);
    }
}
