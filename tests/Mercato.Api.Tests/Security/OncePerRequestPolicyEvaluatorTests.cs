using System.Security.Claims;
using Mercato.Api.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Mercato.Api.Tests.Security;

/// <summary>The caller is authenticated before the rate limiter and again by authorization: the second time costs nothing.</summary>
public sealed class OncePerRequestPolicyEvaluatorTests
{
    private sealed class CountingEvaluator : IPolicyEvaluator
    {
        public int Authentications { get; private set; }

        public Task<AuthenticateResult> AuthenticateAsync(AuthorizationPolicy policy, HttpContext context)
        {
            Authentications++;
            var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("n", $"{Authentications}")], "test"));
            context.User = user;
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(user, "test")));
        }

        public Task<PolicyAuthorizationResult> AuthorizeAsync(AuthorizationPolicy policy, AuthenticateResult authenticationResult,
            HttpContext context, object? resource) => Task.FromResult(PolicyAuthorizationResult.Success());
    }

    private static AuthorizationPolicy Policy(params string[] schemes) =>
        new AuthorizationPolicyBuilder(schemes).RequireAuthenticatedUser().Build();

    [Fact]
    public async Task The_same_schemes_asked_twice_in_a_request_are_authenticated_once()
    {
        var inner = new CountingEvaluator();
        var evaluator = new OncePerRequestPolicyEvaluator(inner);
        var http = new DefaultHttpContext();

        var first = await evaluator.AuthenticateAsync(Policy("key", "token"), http);
        var user = http.User;
        // Another policy object with the same schemes, as authorization builds its own.
        var second = await evaluator.AuthenticateAsync(Policy("key", "token"), http);

        Assert.Equal(1, inner.Authentications);
        Assert.Same(first, second);
        Assert.Same(user, http.User);
    }

    [Fact]
    public async Task Other_schemes_a_replaced_user_or_another_request_are_authenticated_again()
    {
        var inner = new CountingEvaluator();
        var evaluator = new OncePerRequestPolicyEvaluator(inner);
        var http = new DefaultHttpContext();

        await evaluator.AuthenticateAsync(Policy("key", "token"), http);
        await evaluator.AuthenticateAsync(Policy("key"), http);
        Assert.Equal(2, inner.Authentications);

        http.User = new ClaimsPrincipal(new ClaimsIdentity());
        var afterReplace = await evaluator.AuthenticateAsync(Policy("key"), http);
        Assert.Equal(3, inner.Authentications);
        Assert.Equal("3", afterReplace.Principal!.FindFirst("n")!.Value);

        await evaluator.AuthenticateAsync(Policy("key"), new DefaultHttpContext());
        Assert.Equal(4, inner.Authentications);
    }
}
