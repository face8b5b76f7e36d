using Mercato.Kernel.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mercato.Api.Hosting;

/// <summary>Ready means the database answers.</summary>
internal sealed class DatabaseHealthCheck(MercatoDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
