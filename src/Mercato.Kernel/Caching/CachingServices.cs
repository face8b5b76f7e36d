using Mercato.Kernel.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mercato.Kernel.Caching;

public static class CachingServices
{
    /// <summary>The name of the output cache policy of anonymous catalog reads (see <see cref="CacheStoreAnswers{T}"/>).</summary>
    public const string StoreAnswersPolicy = "store-answers";

    /// <summary>
    /// The output cache (in memory; the host may put a shared store in its place), its policy, the eviction of committed
    /// changes and, with <paramref name="followOutbox"/>, the outbox follower of API nodes.
    /// </summary>
    public static IServiceCollection AddStoreAnswerCache(this IServiceCollection services, IConfiguration configuration, bool followOutbox)
    {
        services.AddOptions<CacheOptions>().Bind(configuration.GetSection("Mercato:Cache"));
        services.TryAddSingleton<StoreAnswerPolicy>();
        services.AddOutputCache();
        // The in-memory store (a shared one, such as Redis, is registered before this and bounds itself).
        if (string.IsNullOrWhiteSpace(configuration["Mercato:Cache:Redis"])) AdmitAnswers(services);
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<CacheOptions>>((o, cache) =>
            o.SizeLimit = Math.Max(1, cache.Value.SizeLimitMegabytes) * 1024L * 1024);
        services.AddOptions<OutputCacheOptions>().Configure<StoreAnswerPolicy>((o, policy) => o.AddPolicy(StoreAnswersPolicy, policy));
        services.TryAddSingleton<CacheInvalidation>();
        services.AddSingleton<ICommitObserver>(sp => sp.GetRequiredService<CacheInvalidation>());
        services.TryAddSingleton<OutboxCacheFollower>();
        if (followOutbox) services.AddHostedService<OutboxCacheFollowerWorker>();
        return services;
    }

    /// <summary>Puts <see cref="AdmittingOutputCacheStore"/> in front of the registered in-memory output cache store.</summary>
    private static void AdmitAnswers(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        var factory = registered.ImplementationFactory
            ?? throw new InvalidOperationException("The output cache store is expected to be registered by a factory.");
        services.Replace(ServiceDescriptor.Singleton<IOutputCacheStore>(sp =>
        {
            var limits = sp.GetRequiredService<IOptions<OutputCacheOptions>>().Value;
            var cache = sp.GetRequiredService<IOptions<CacheOptions>>().Value;
            return new AdmittingOutputCacheStore((IOutputCacheStore)factory(sp), limits.SizeLimit,
                TimeSpan.FromSeconds(Math.Max(1, cache.DurationSeconds)), sp.GetService<TimeProvider>() ?? TimeProvider.System);
        }));
    }

    /// <summary>Keeps the endpoint's 200 answers from <see cref="Http.CacheableJson"/> in the output cache, tagged with their cache tags.</summary>
    public static TBuilder CacheStoreAnswers<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.CacheOutput(StoreAnswersPolicy);
}
