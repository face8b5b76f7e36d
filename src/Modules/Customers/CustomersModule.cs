using System.Reflection;
using Mercato.Customers.Accounts;
using Mercato.Customers.Addresses;
using Mercato.Customers.Contracts;
using Mercato.Customers.Groups;
using Mercato.Kernel.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Customers;

/// <summary>Front door of the Customers module: accounts, sign-in, profile, address book and customer groups.</summary>
public static class CustomersModule
{
    public static Assembly Assembly => typeof(CustomersModule).Assembly;

    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddOptions<CustomersOptions>().BindConfiguration("Mercato:Customers")
            .Validate(o => Uri.TryCreate(o.StorefrontUrl, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp),
                "Mercato:Customers:StorefrontUrl must be an absolute http(s) URL.")
            .Validate(o => o.VerificationTokenHours is >= 1 and <= 24 * 30, "Mercato:Customers:VerificationTokenHours must be 1 to 720.")
            .Validate(o => o.PasswordResetTokenMinutes is >= 5 and <= 24 * 60, "Mercato:Customers:PasswordResetTokenMinutes must be 5 to 1440.")
            .ValidateOnStart();
        services.AddScoped<AccountEmails>();
        services.AddScoped<ICustomerDirectory, CustomerDirectory>();
        return services;
    }

    public static void MapCustomers(RouteGroupBuilder store, RouteGroupBuilder admin)
    {
        var me = store.MapGroup("/customers/me").RequireAuthorization(Callers.CustomerPolicy);
        Register.Map(store);
        SignIn.Map(store);
        PasswordReset.Map(store);
        EmailVerification.Map(store, me);
        Profile.Map(me);
        AddressBook.Map(me);
        AdminCustomers.Map(admin);
        ExportCustomers.Map(admin);
        AdminCustomerGroups.Map(admin);
    }
}
