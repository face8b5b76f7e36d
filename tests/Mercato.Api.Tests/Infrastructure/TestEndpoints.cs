using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Api.Tests.Infrastructure;

/// <summary>
/// Adds endpoints that exist only in tests (a route that fails, a route under a rate-limit policy) to the app's own routes,
/// so they run through the real pipeline: request ids, exception handling, rate limiting.
/// </summary>
public sealed class TestEndpoints(Action<IEndpointRouteBuilder> map) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        // UseRouting leaves the WebApplication's route builder there; routes are read at the first request, so this is in time.
        var routes = app.Properties.TryGetValue("__EndpointRouteBuilder", out var builder) ? builder : app.Properties["__GlobalEndpointRouteBuilder"];
        map((IEndpointRouteBuilder)routes!);
    };
}
