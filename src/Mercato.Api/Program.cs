using Mercato.Api.Hosting;
using Mercato.Api.Seed;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // The content root is the project's folder under `dotnet run --project`, so wwwroot (demo media) is found from anywhere.
    ContentRootPath = ContentRoot.Find(args),
});
builder.AddMercato();

var app = builder.Build();
app.UseMercato();

if (args is ["seed", ..])
{
    return await SyntheticCatalog.RunAsync(app, args[1..]);
}

await app.PrepareDatabaseAsync();
if (args is ["invite-owner", var email])
{
    return await FirstOwner.InviteAsync(app, email);
}
await app.RunAsync();
return 0;

/// <summary>Exposed for WebApplicationFactory in the HTTP tests.</summary>
public partial class Program;
