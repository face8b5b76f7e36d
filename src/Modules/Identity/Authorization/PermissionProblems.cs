using Mercato.Identity.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mercato.Identity;

/// <summary>
/// Answers a caller that is known but lacks the endpoint's permission with a 403 problem (code <c>forbidden</c>) that names
/// the missing permission; everything else goes to the Store API's handling of customer tokens, then the framework's way.
/// </summary>
internal sealed class PermissionProblems(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly ChallengeBadCustomerTokens _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var missing = authorizeResult.AuthorizationFailure?.FailureReasons.OfType<EndpointPermission.Missing>().FirstOrDefault();
        if (!authorizeResult.Forbidden || missing is null)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var problem = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Detail = missing.Message };
        problem.Extensions["code"] = "forbidden";
        if (missing.Permission is not null) problem.Extensions["permission"] = missing.Permission;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
