using System.Security.Claims;
using Mercato.Identity.Contracts;
using Mercato.Kernel.Email;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Mercato.Kernel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Mercato.Identity.Users;

/// <summary>Admin users: invited by email with a role, managed by callers with <c>users:write</c>.</summary>
internal static class AdminUsers
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public sealed record InviteRequest(string Email, string Role, string? FirstName, string? LastName);

    public sealed record UpdateRequest(string? Role, string? FirstName, string? LastName, bool? Disabled);

    public sealed record AdminUserResponse(string Id, string Email, string? FirstName, string? LastName, string Role, string Status,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? LastLoginAt, int Version)
    {
        public static AdminUserResponse From(AdminUser u) => new(u.Id, u.Email, u.FirstName, u.LastName, u.Role,
            u.Status.ToString().ToLowerInvariant(), u.CreatedAt, u.UpdatedAt, u.LastLoginAt, u.Version);
    }

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/users").WithTags("Admin users").RequirePermissions(Permissions.UsersRead, Permissions.UsersWrite);
        group.MapGet("/", List).WithName("ListAdminUsers").WithSummary("List admin users");
        group.MapGet("/{id}", Get).WithName("GetAdminUser").WithSummary("Get an admin user");
        group.MapPost("/", Invite).WithName("InviteAdminUser").WithSummary("Invite an admin user by email, with a role");
        group.MapPatch("/{id}", Update).WithName("UpdateAdminUser").WithSummary("Change an admin user's role or name, or disable them");
        group.MapPost("/{id}/invitation", Reinvite).WithName("ResendAdminInvitation").WithSummary("Send the invitation again (voids the old link)");
    }

    private static async Task<Results<Ok<Page<AdminUserResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit, string? cursor,
        CancellationToken ct)
    {
        var page = await db.Set<AdminUser>().AsNoTracking().PageByAsync(u => u.Id, limit, cursor, AdminUserResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Ok<AdminUserResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, HttpContext http, CancellationToken ct)
    {
        var user = await db.Set<AdminUser>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return Error.NotFound("admin user", id).ToProblem();
        http.SetETag(user.Version);
        return TypedResults.Ok(AdminUserResponse.From(user));
    }

    private static async Task<Results<Created<AdminUserResponse>, ProblemHttpResult>> Invite(InviteRequest request, MercatoDb db,
        IOneTimeTokens tokens, IEmailSender email, IConfiguration config, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Email("email", request.Email).MaxLength("firstName", request.FirstName, 100).MaxLength("lastName", request.LastName, 100);
        if (!Roles.All.Contains(request.Role)) v.Add("role", $"One of: {string.Join(", ", Roles.All)}.");
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        if (MayNotGrant(http.User, request.Role) is { } refused) return refused.ToProblem();
        var normalized = AdminUser.NormalizeEmail(request.Email);
        if (await db.Set<AdminUser>().AnyAsync(u => u.Email == normalized, ct))
            return Error.Conflict("email_taken", "An admin user with this email exists already.").ToProblem();
        var user = new AdminUser(request.Email, request.Role, request.FirstName?.Trim(), request.LastName?.Trim(), http.User.AdminActor(), time);
        db.Add(user);
        var taken = await db.SaveOrConflictAsync(async () => await db.Set<AdminUser>().AsNoTracking().AnyAsync(u => u.Email == normalized && u.Id != user.Id, ct)
            ? Error.Conflict("email_taken", "An admin user with this email exists already.")
            : null, ct);
        if (taken is not null) return taken.ToProblem();
        await SendInvitationAsync(user, tokens, email, config, ct);
        http.SetETag(user.Version);
        return TypedResults.Created($"/admin/users/{user.Id}", AdminUserResponse.From(user));
    }

    private static async Task<Results<Ok<AdminUserResponse>, ProblemHttpResult>> Reinvite(string id, MercatoDb db, IOneTimeTokens tokens,
        IEmailSender email, IConfiguration config, CancellationToken ct)
    {
        var user = await db.Set<AdminUser>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return Error.NotFound("admin user", id).ToProblem();
        if (user.Status != AdminUserStatus.Invited)
            return Error.Conflict("invitation_accepted", "The user has accepted the invitation already.").ToProblem();
        await SendInvitationAsync(user, tokens, email, config, ct);
        return TypedResults.Ok(AdminUserResponse.From(user));
    }

    private static async Task<Results<Ok<AdminUserResponse>, ProblemHttpResult>> Update(string id, UpdateRequest request, MercatoDb db,
        ISessions sessions, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().MaxLength("firstName", request.FirstName, 100).MaxLength("lastName", request.LastName, 100);
        if (request.Role is not null && !Roles.All.Contains(request.Role)) v.Add("role", $"One of: {string.Join(", ", Roles.All)}.");
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var user = await db.Set<AdminUser>().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return Error.NotFound("admin user", id).ToProblem();
        if (http.CheckIfMatch(user.Version) is { } stale) return stale.ToProblem();
        var roleChanges = request.Role is not null && request.Role != user.Role;
        var disables = request.Disabled == true && user.Status != AdminUserStatus.Disabled;
        // Changing someone's role means holding both: what they had and what they get.
        if (roleChanges && (MayNotGrant(http.User, user.Role) ?? MayNotGrant(http.User, request.Role!)) is { } refused) return refused.ToProblem();
        if (disables && MayNotGrant(http.User, user.Role) is { } refusedDisable) return refusedDisable.ToProblem();
        if ((roleChanges || disables) && user.Role == Roles.Owner && user.Status == AdminUserStatus.Active
            && !await db.Set<AdminUser>().AnyAsync(u => u.Id != user.Id && u.Role == Roles.Owner && u.Status == AdminUserStatus.Active, ct)
            && !await AnyOwnerKeyAsync(db, time, ct))
            return Error.Conflict("last_owner", "The shop would be left without an owner.").ToProblem();
        if (request.FirstName is not null) user.FirstName = request.FirstName.Trim();
        if (request.LastName is not null) user.LastName = request.LastName.Trim();
        if (roleChanges) user.Role = request.Role!;
        if (request.Disabled is { } disabled)
        {
            if (disabled) user.Status = AdminUserStatus.Disabled;
            else if (user.Status == AdminUserStatus.Disabled) user.Status = user.PasswordHash is null ? AdminUserStatus.Invited : AdminUserStatus.Active;
        }
        user.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        // Sessions carry the role they were started with: end them, so the new role or the ban applies at once.
        if (roleChanges || disables) await sessions.RevokeAllAsync(SubjectKind.AdminUser, user.Id, ct);
        http.SetETag(user.Version);
        return TypedResults.Ok(AdminUserResponse.From(user));
    }

    private static Task<bool> AnyOwnerKeyAsync(MercatoDb db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.Set<ApiKey>().AnyAsync(k => k.Role == Roles.Owner && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now), ct);
    }

    /// <summary>A caller may hand out only what it holds itself; the owner role only by an owner.</summary>
    public static Error? MayNotGrant(ClaimsPrincipal caller, string role)
    {
        if (role == Roles.Owner && !caller.IsInRole(Roles.Owner))
            return new Error("forbidden", "Only an owner may grant or take away the owner role.", StatusCodes.Status403Forbidden);
        var missing = RolePermissions.Of(role).Where(p => !caller.HasClaim(Callers.PermissionClaim, p)).ToList();
        return missing.Count == 0 ? null
            : new Error("forbidden", $"The role '{role}' has permissions the caller lacks: {string.Join(", ", missing)}.", StatusCodes.Status403Forbidden);
    }

    private static async Task SendInvitationAsync(AdminUser user, IOneTimeTokens tokens, IEmailSender email, IConfiguration config,
        CancellationToken ct)
    {
        var token = await tokens.IssueAsync(TokenPurposes.AdminInvitation, user.Id, InvitationLifetime, ct);
        var url = $"{AdminAuth.AdminUrl(config)}/accept-invitation?token={Uri.EscapeDataString(token)}";
        await email.SendAsync(new EmailMessage(user.Email, "admin.invitation", "You are invited to a Mercato shop's back office",
            $"You were invited as {user.Role}. Set your password here (the link works once, for 7 days):\n{url}\n"), ct);
    }
}
