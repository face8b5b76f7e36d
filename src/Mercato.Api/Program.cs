using Mercato.Api;
using Mercato.Api.Hosting;

MallocArenas.Apply();
if (ServerCommands.Handles(args)) return await ServerCommands.RunAsync(args);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // The content root is the project's folder under `dotnet run --project`, so wwwroot (demo media) is found from anywhere.
    ContentRootPath = ContentRoot.Find(args),
});
builder.AddMercato();

var app = builder.Build();
app.UseMercato();
await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Exposed for WebApplicationFactory in the HTTP tests.</summary>
public partial class Program;
