using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Mercato.Api.Hosting;

/// <summary>
/// Behind a reverse proxy or a server-rendered storefront, every request comes from the proxy's address, so per-IP limits
/// (sign-in, registration) would be shared by all shoppers. The proxies listed in <c>Mercato:Http:KnownProxies</c> (addresses)
/// and <c>Mercato:Http:KnownNetworks</c> (CIDR ranges) are trusted to say who their client is in <c>X-Forwarded-For</c>
/// (the last address only: one hop). A request from any other address keeps its own address, whatever it claims.
/// Nothing is trusted by default.
/// </summary>
internal static class ForwardedClients
{
    public static IServiceCollection AddForwardedClients(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, config) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            o.ForwardLimit = 1;
            // ASP.NET Core trusts loopback by default; here only what is configured is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in config.GetSection("Mercato:Http:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in config.GetSection("Mercato:Http:KnownNetworks").Get<string[]>() ?? [])
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }

    public static bool AnyTrusted(IConfiguration config) =>
        config.GetSection("Mercato:Http:KnownProxies").GetChildren().Any() || config.GetSection("Mercato:Http:KnownNetworks").GetChildren().Any();
}
