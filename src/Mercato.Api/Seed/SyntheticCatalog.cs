using System.Globalization;
using Mercato.Api.Hosting;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Products;
using Mercato.Channels;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Mercato.Api.Seed;

/// <summary>
/// <c>dotnet run --project src/Mercato.Api -- seed --products 100000</c>: adds a large synthetic catalog for performance
/// work, in batches with change tracking off, after the usual migrations and demo seed.
/// </summary>
internal static class SyntheticCatalog
{
    private static readonly string[] Adjectives = ["Classic", "Relaxed", "Organic", "Everyday", "Heritage", "Urban", "Coastal", "Alpine", "Studio", "Weekend"];
    private static readonly string[] Nouns = ["Shirt", "Chino", "Jacket", "Sweater", "Dress", "Tote", "Cap", "Mug", "Blanket", "Sneaker", "Scarf", "Lamp"];
    private static readonly string[] Colors = ["Black", "White", "Navy", "Olive", "Sand", "Rust"];
    private static readonly string[] Sizes = ["S", "M", "L"];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var count = 10_000;
        var batch = 1_000;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--products" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var n) && n > 0) count = n;
            else if (args[i] == "--batch" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var b) && b > 0) batch = b;
            else
            {
                AnsiConsole.MarkupLine("[red]Usage:[/] seed [[--products N]] [[--batch N]]");
                return 2;
            }
        }
        await app.PrepareDatabaseAsync();
        var time = app.Services.GetRequiredService<TimeProvider>();
        var started = time.GetTimestamp();
        await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"Generating {count:N0} products", maxValue: count);
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var channels = await db.Set<SalesChannel>().Where(c => c.IsDefault).Select(c => c.Id).ToListAsync();
                var categories = await EnsureCategoriesAsync(db, time);
                var run = Guid.NewGuid().ToString("N")[..6];
                for (var done = 0; done < count; done += batch)
                {
                    var size = Math.Min(batch, count - done);
                    for (var i = 0; i < size; i++) db.Add(NewProduct(done + i, run, channels, categories, time));
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                    task.Increment(size);
                }
            });
        AnsiConsole.MarkupLine($"[green]Added {count:N0} products[/] in {time.GetElapsedTime(started).TotalSeconds:F1} s.");
        return 0;
    }

    private static async Task<List<string>> EnsureCategoriesAsync(MercatoDb db, TimeProvider time)
    {
        var existing = await db.Set<Category>().Where(c => c.Path.StartsWith("synthetic")).Select(c => c.Id).ToListAsync();
        if (existing.Count > 0) return existing;
        var root = new Category("Synthetic", "synthetic", time);
        db.Add(root);
        var leaves = Nouns.Select((noun, i) => new Category(noun + "s", $"synthetic-{noun.ToLowerInvariant()}s", time)
        {
            ParentId = root.Id, Path = $"synthetic/synthetic-{noun.ToLowerInvariant()}s", Position = i,
        }).ToList();
        db.AddRange(leaves);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return [.. leaves.Select(l => l.Id)];
    }

    private static Product NewProduct(int n, string run, List<string> channels, List<string> categories, TimeProvider time)
    {
        var noun = Nouns[n % Nouns.Length];
        var title = $"{Adjectives[n / Nouns.Length % Adjectives.Length]} {noun} {n.ToString(CultureInfo.InvariantCulture)}";
        var handle = $"synthetic-{run}-{n.ToString(CultureInfo.InvariantCulture)}";
        var color = Colors[n % Colors.Length];
        var basePrice = 1_000 + (n * 7919 % 20_000);
        var product = new Product(title, handle, time)
        {
            Status = n % 20 == 0 ? ProductStatus.Draft : ProductStatus.Published, ProductType = noun,
            Description = $"A synthetic {noun.ToLowerInvariant()} for load tests.",
        };
        ProductEditor.ApplyOptions(product, [new OptionRequest("Size", Sizes)], time);
        foreach (var size in Sizes)
        {
            var price = basePrice + (size == "L" ? 200 : 0);
            product.Variants.Add(ProductEditor.NewVariant(product, new VariantRequest($"SYN-{run}-{n}-{size}".ToUpperInvariant(), size, null,
                new Dictionary<string, string> { ["Size"] = size }, 300, true, false,
                [new PriceRequest(price, "USD"), new PriceRequest(price * 92 / 100, "EUR")]), time));
        }
        ProductEditor.ApplyLinks(product, [categories[n % Nouns.Length % categories.Count]], [], channels,
            [noun.ToLowerInvariant(), color.ToLowerInvariant()], [], time);
        product.Touch(time.GetUtcNow());
        return product;
    }
}
