namespace Mercato.Api.Hosting;

/// <summary>
/// What this process does: <c>all</c> (the default: the APIs and the job worker), <c>api</c> (the APIs only; run workers
/// elsewhere) or <c>worker</c> (jobs only; it still answers the health checks). Set with <c>--role</c> or <c>Mercato:Role</c>.
/// </summary>
internal sealed record HostRole(bool ServesApi, bool RunsWorker)
{
    public static HostRole From(IConfiguration config)
    {
        var value = config["role"] ?? config["Mercato:Role"];
        return value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "all" => new HostRole(true, true),
            "api" => new HostRole(true, false),
            "worker" => new HostRole(false, true),
            _ => throw new InvalidOperationException($"--role '{value}' is not 'api', 'worker' or 'all'."),
        };
    }
}
