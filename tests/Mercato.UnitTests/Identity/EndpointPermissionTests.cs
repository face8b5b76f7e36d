using System.Security.Claims;
using Mercato.Identity;
using Mercato.Kernel.Http;
using Mercato.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Mercato.UnitTests.Identity;

public class EndpointPermissionTests
{
    [Fact]
    public async Task A_caller_with_the_declared_permission_passes()
    {
        var context = await AuthorizeAsync([Permissions.CatalogRead], new RequiredPermission(Permissions.CatalogRead));

        Assert.True(context.HasSucceeded);
    }

    [Fact]
    public async Task The_last_declaration_wins()
    {
        var context = await AuthorizeAsync([Permissions.OrdersWrite],
            new RequiredPermission(Permissions.OrdersWrite), new RequiredPermission(Permissions.OrdersRefund));

        Assert.False(context.HasSucceeded);
        var reason = Assert.IsType<EndpointPermission.Missing>(Assert.Single(context.FailureReasons));
        Assert.Equal(Permissions.OrdersRefund, reason.Permission);
        Assert.Contains(Permissions.OrdersRefund, reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_without_a_declaration_is_refused_even_to_a_caller_with_every_permission()
    {
        var context = await AuthorizeAsync([.. Permissions.All]);

        Assert.False(context.HasSucceeded);
        Assert.Null(Assert.IsType<EndpointPermission.Missing>(Assert.Single(context.FailureReasons)).Permission);
    }

    private static async Task<AuthorizationHandlerContext> AuthorizeAsync(string[] permissions, params RequiredPermission[] declared)
    {
        var http = new DefaultHttpContext();
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(declared), "test"));
        var user = new ClaimsPrincipal(new ClaimsIdentity(permissions.Select(p => new Claim(Callers.PermissionClaim, p)), "test"));
        var context = new AuthorizationHandlerContext([EndpointPermission.Requirement], user, http);
        await EndpointPermission.Requirement.HandleAsync(context);
        return context;
    }
}
