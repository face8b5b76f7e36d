using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mercato.Kernel.Email;

public static class EmailServices
{
    /// <summary>The outbox sender, unless the host registered another <see cref="IEmailSender"/> first.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.TryAddScoped<IEmailSender, OutboxEmailSender>();
        return services;
    }
}
