using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mercato.Kernel.Events;

public static class EventServices
{
    public static IServiceCollection AddDomainEvents(this IServiceCollection services)
    {
        services.TryAddScoped<IDomainEvents, DomainEvents>();
        services.TryAddScoped<IEventOutbox, EventOutbox>();
        // The host hands every registered interceptor to MercatoDb.
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, CommitHooks>();
        return services;
    }
}
