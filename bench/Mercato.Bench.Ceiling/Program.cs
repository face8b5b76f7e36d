// The benchmark's ceiling: a bare Kestrel app that answers every request for /{name} with the bytes of {dir}/{name}.json,
// held in memory. bench/run.sh captures those bytes from the real endpoints, so Mercato and the ceiling send the same bodies.
using System.Collections.Frozen;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
var app = builder.Build();

var dir = app.Configuration["dir"] ?? throw new InvalidOperationException("Usage: Mercato.Bench.Ceiling --dir <folder of captured .json bodies> --urls <url>");
var bodies = Directory.GetFiles(dir, "*.json")
    .ToFrozenDictionary(f => Path.GetFileNameWithoutExtension(f), f => File.ReadAllBytes(f), StringComparer.Ordinal);

app.Map("/{name}", async (string name, HttpContext http) =>
{
    if (!bodies.TryGetValue(name, out var body))
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return;
    }
    http.Response.ContentType = "application/json; charset=utf-8";
    http.Response.ContentLength = body.Length;
    await http.Response.Body.WriteAsync(body);
});
app.MapGet("/health/ready", () => "Healthy");

app.Run();
