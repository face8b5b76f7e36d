using Mercato.Kernel.Http;
using Mercato.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Mercato.Identity;

/// <summary>
/// Part of the <c>admin</c> policy: the caller needs the permission the endpoint declares (its last
/// <see cref="RequiredPermission"/>) among its <c>mercato:permission</c> claims. An endpoint that declares none is refused
/// to everybody, so a forgotten declaration closes a door instead of opening it.
/// </summary>
internal sealed class EndpointPermission : AuthorizationHandler<EndpointPermission>, IAuthorizationRequirement
{
    public static readonly EndpointPermission Requirement = new();

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, EndpointPermission requirement)
    {
        var endpoint = context.Resource switch
        {
            HttpContext http => http.GetEndpoint(),
            Endpoint e => e,
            _ => null,
        };
        var required = endpoint?.Metadata.GetMetadata<RequiredPermission>()?.Permission;
        if (required is null)
            context.Fail(new Missing(this, null));
        else if (required == Permissions.AnyAdminCaller && context.User.Identities.Any(i => i.IsAuthenticated))
            context.Succeed(requirement);
        else if (context.User.HasClaim(Callers.PermissionClaim, required))
            context.Succeed(requirement);
        else
            context.Fail(new Missing(this, required));
        return Task.CompletedTask;
    }

    /// <summary>Why the caller was refused: the permission it lacks (null: the endpoint declares none).</summary>
    public sealed class Missing(IAuthorizationHandler handler, string? permission) : AuthorizationFailureReason(handler,
        permission is null ? "This endpoint declares no permission, so nobody may call it." : $"This operation needs the permission '{permission}'.")
    {
        public string? Permission => permission;
    }
}
