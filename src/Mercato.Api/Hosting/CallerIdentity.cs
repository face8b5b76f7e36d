using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Mercato.Api.Hosting;

/// <summary>
/// Authenticates the caller with the schemes of the endpoint's authorization policy before the rate limiter and CORS run, so
/// they see who is calling. Authorization later asks for the same schemes and gets this result (<see cref="OncePerRequestPolicyEvaluator"/>).
/// </summary>
internal sealed class CallerIdentity(RequestDelegate next, IAuthorizationPolicyProvider policies, IPolicyEvaluator evaluator)
{
    // An endpoint's metadata and the named policies do not change while the app runs; combining them took a few percent of a
    // cached catalog answer's time.
    private readonly ConcurrentDictionary<Endpoint, AuthorizationPolicy?> _byEndpoint = new();

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint() is { } endpoint)
        {
            if (!_byEndpoint.TryGetValue(endpoint, out var policy))
            {
                policy = await AuthorizationPolicy.CombineAsync(policies,
                    endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
                if (policies.AllowsCachingPolicies) _byEndpoint.TryAdd(endpoint, policy);
            }
            if (policy is { AuthenticationSchemes.Count: > 0 }) await evaluator.AuthenticateAsync(policy, http);
        }
        await next(http);
    }
}

/// <summary>
/// Authenticates a policy's schemes once per request. <see cref="CallerIdentity"/> authenticates first and the authorization
/// middleware asks again for the same schemes: the handlers keep their own results, but the evaluator merged their principals
/// into a new user each time. The second ask returns the first answer while the request's user is still the one it set.
/// </summary>
internal sealed class OncePerRequestPolicyEvaluator(IPolicyEvaluator inner) : IPolicyEvaluator
{
    private sealed record Authenticated(IReadOnlyList<string> Schemes, AuthenticateResult Result, System.Security.Claims.ClaimsPrincipal User);

    public async Task<AuthenticateResult> AuthenticateAsync(AuthorizationPolicy policy, HttpContext context)
    {
        if (context.Features.Get<Authenticated>() is { } earlier && ReferenceEquals(earlier.User, context.User)
            && earlier.Schemes.SequenceEqual(policy.AuthenticationSchemes, StringComparer.Ordinal))
        {
            return earlier.Result;
        }
        var result = await inner.AuthenticateAsync(policy, context);
        context.Features.Set(new Authenticated(policy.AuthenticationSchemes, result, context.User));
        return result;
    }

    public Task<PolicyAuthorizationResult> AuthorizeAsync(AuthorizationPolicy policy, AuthenticateResult authenticationResult,
        HttpContext context, object? resource) => inner.AuthorizeAsync(policy, authenticationResult, context, resource);
}
