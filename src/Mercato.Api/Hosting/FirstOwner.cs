using Mercato.Identity;

namespace Mercato.Api.Hosting;

/// <summary><c>dotnet run --project src/Mercato.Api -- invite-owner you@example.com</c>: the first admin user of a new shop.</summary>
internal static class FirstOwner
{
    public static async Task<int> InviteAsync(WebApplication app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var token = await IdentityModule.InviteOwnerAsync(scope.ServiceProvider, email, CancellationToken.None);
            // Printed for the operator at the terminal, never logged: the token is a one-time credential.
            Console.WriteLine($$"""
                Invited {{email}} as owner. Within 7 days, set the password once with:

                  curl -X POST <server>/admin/auth/accept-invitation -H 'Content-Type: application/json' \
                    -d '{"token":"{{token}}","password":"<a passphrase of 8+ characters>"}'

                The answer holds an access token for the Admin API (Authorization: Bearer ...).
                """);
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
