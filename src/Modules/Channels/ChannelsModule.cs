using System.Reflection;
using Mercato.Channels.Contracts;
using Mercato.Kernel.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Channels;

/// <summary>Front door of the Channels module: sales channels and the publishable keys that identify them.</summary>
public static class ChannelsModule
{
    public static Assembly Assembly => typeof(ChannelsModule).Assembly;

    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.AddScoped<ISalesChannelDirectory, SalesChannelDirectory>();
        services.AddMemoryCache();
        services.AddSingleton<PublishableKeyCache>();
        services.AddScoped<ISalesChannelOrigins, SalesChannelOriginCache>();
        return services;
    }

    public static AuthenticationBuilder AddPublishableKeys(this AuthenticationBuilder auth) =>
        auth.AddScheme<AuthenticationSchemeOptions, PublishableKeyAuthentication>(Callers.PublishableKeyScheme, null);

    public static void MapChannels(RouteGroupBuilder store, RouteGroupBuilder admin) => AdminSalesChannels.Map(admin);
}
