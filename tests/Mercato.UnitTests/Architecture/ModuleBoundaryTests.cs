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

namespace Mercato.UnitTests.Architecture;

/// <summary>
/// Module boundaries: a module shows only its front door and its Contracts; everything else is internal, so the
/// compiler stops other modules from reaching its tables. (Seen failing once by making a Catalog type public.)
/// </summary>
public class ModuleBoundaryTests
{
    public static TheoryData<string> Modules => new(ModuleAssemblies.Keys);

    private static readonly Dictionary<string, Assembly> ModuleAssemblies = new()
    {
        ["Audit"] = AuditModule.Assembly,
        ["Carts"] = CartsModule.Assembly,
        ["Catalog"] = CatalogModule.Assembly,
        ["Checkout"] = CheckoutModule.Assembly,
        ["Customers"] = CustomersModule.Assembly,
        ["GiftCards"] = GiftCardsModule.Assembly,
        ["Orders"] = OrdersModule.Assembly,
        ["Payments"] = PaymentsModule.Assembly,
        ["Promotions"] = PromotionsModule.Assembly,
        ["Shipping"] = ShippingModule.Assembly,
        ["Tax"] = TaxModule.Assembly,
        ["Channels"] = ChannelsModule.Assembly,
        ["Identity"] = IdentityModule.Assembly,
        ["Inventory"] = InventoryModule.Assembly,
        ["Regions"] = RegionsModule.Assembly,
        ["Webhooks"] = WebhooksModule.Assembly,
    };

    /// <summary>Which other modules each module may depend on (through their Contracts only).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Audit"] = [],
        ["Carts"] = ["Catalog", "Customers", "GiftCards", "Inventory", "Orders", "Promotions", "Regions", "Shipping", "Tax"],
        ["Catalog"] = ["Channels", "Inventory", "Regions", "Tax"],
        ["Checkout"] = ["Carts", "GiftCards", "Inventory", "Orders", "Payments", "Promotions", "Regions"],
        ["Customers"] = ["Identity"],
        ["GiftCards"] = [],
        ["Orders"] = ["GiftCards", "Inventory", "Payments", "Promotions"],
        ["Payments"] = [],
        ["Promotions"] = [],
        ["Shipping"] = ["Regions", "Tax"],
        ["Tax"] = ["Regions"],
        ["Channels"] = [],
        ["Identity"] = [],
        ["Inventory"] = [],
        ["Regions"] = [],
        ["Webhooks"] = [],
    };

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_exposes_only_its_front_door_and_contracts(string module)
    {
        var exposed = ModuleAssemblies[module].GetExportedTypes()
            .Where(t => t.Name != $"{module}Module" && t.Namespace != $"Mercato.{module}.Contracts")
            .Select(t => t.FullName).ToList();
        Assert.Empty(exposed);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_references_only_the_modules_it_is_allowed_to(string module)
    {
        var referenced = ModuleAssemblies[module].GetReferencedAssemblies().Select(a => a.Name)
            .Where(n => n is not null && n.StartsWith("Mercato.", StringComparison.Ordinal) && n != "Mercato.Kernel")
            .Select(n => n!["Mercato.".Length..]);
        Assert.Empty(referenced.Except(Allowed[module]));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_uses_only_the_contracts_of_another_module(string module)
    {
        var others = Allowed[module].Select(m => ModuleAssemblies[m]).ToHashSet();
        var offending = ModuleAssemblies[module].GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .Select(t => t.IsGenericType ? t.GetGenericArguments().Append(t) : [t])
            .SelectMany(t => t)
            .Where(t => others.Contains(t.Assembly) && t.Namespace?.EndsWith(".Contracts", StringComparison.Ordinal) != true)
            .Select(t => t.FullName).Distinct().ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public void The_kernel_knows_no_module()
    {
        var kernel = typeof(Mercato.Kernel.Persistence.MercatoDb).Assembly;
        Assert.DoesNotContain(kernel.GetReferencedAssemblies(), a => a.Name is not null && a.Name.StartsWith("Mercato.", StringComparison.Ordinal));
    }
}
