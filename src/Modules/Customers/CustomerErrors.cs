using Mercato.Kernel.Errors;
using Microsoft.AspNetCore.Http;

namespace Mercato.Customers;

internal static class CustomerErrors
{
    public static Error EmailTaken() =>
        Error.Conflict("email_taken", "An account with this email address already exists; sign in or reset the password.");

    /// <summary>One answer for an unknown email, a wrong password and a disabled account, so none can be told apart.</summary>
    public static Error InvalidCredentials() =>
        new("invalid_credentials", "The email address or the password is wrong.", StatusCodes.Status401Unauthorized);

    public static Error TooManyAttempts() =>
        new("too_many_attempts", "Too many failed sign-ins; wait until the time in Retry-After has passed.", StatusCodes.Status429TooManyRequests);

    public static Error InvalidRefreshToken() =>
        new("invalid_refresh_token", "The refresh token is unknown, used, expired or revoked; sign in again.", StatusCodes.Status401Unauthorized);

    public static Error InvalidToken() =>
        new("invalid_token", "The link is unknown, expired or already used; ask for a new one.", StatusCodes.Status400BadRequest,
            new Dictionary<string, string[]> { ["token"] = ["Unknown, expired or already used."] });

    public static Error WrongCurrentPassword() =>
        new("invalid_current_password", "The current password is wrong.", StatusCodes.Status400BadRequest,
            new Dictionary<string, string[]> { ["currentPassword"] = ["Wrong password."] });

    public static Error AlreadyVerified() => Error.Conflict("email_already_verified", "The email address is already verified.");

    public static Error AddressLimit(int max) =>
        Error.Conflict("address_limit_reached", $"An address book holds at most {max} addresses; delete one first.");

    public static Error CustomerNotFound(string id) => Error.NotFound("customer", id);

    public static Error AddressNotFound(string id) => Error.NotFound("address", id);

    public static Error GroupNotFound(string id) => Error.NotFound("customer group", id);

    public static Error ExternalIdTaken(string externalId) =>
        Error.Conflict("external_id_taken", $"Another customer already has the externalId '{externalId}'.");

    public static Error HandleTaken(string handle) =>
        Error.Conflict("handle_taken", $"A customer group with the handle '{handle}' already exists.");
}
