using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Audit;

/// <summary>Front door of the Audit module: an append-only record of every successful Admin API write.</summary>
public static class AuditModule
{
    public static Assembly Assembly => typeof(AuditModule).Assembly;

    public static IServiceCollection AddAudit(this IServiceCollection services) => services;

    /// <summary>Records every successful (2xx) POST, PUT, PATCH and DELETE of the group's endpoints, after the handler ran.</summary>
    public static TBuilder AddAuditTrail<TBuilder>(this TBuilder admin) where TBuilder : IEndpointConventionBuilder =>
        admin.AddEndpointFilter(AuditTrail.InvokeAsync);

    public static void MapAudit(RouteGroupBuilder store, RouteGroupBuilder admin) => AdminAuditLog.Map(admin);
}
