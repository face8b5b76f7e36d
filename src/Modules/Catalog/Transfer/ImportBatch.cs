using System.Text.Json;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Products;
using Mercato.Channels.Contracts;
using Mercato.Inventory.Contracts;
using Mercato.Kernel.Events;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Validation;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Transfer;

/// <summary>What a batch did (or, in a dry run or a validation pass, would do).</summary>
internal sealed class BatchOutcome
{
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Failed { get; set; }
    public List<RowError> Errors { get; } = [];
}

/// <summary>
/// Upserts one batch of products read from a file: validates each (shape, references, uniqueness), matches it to an existing
/// product by external id, then SKU, then handle, and changes only what differs, so an unchanged row bumps no version and
/// raises no event. One query per kind of key for the whole batch, not per row.
/// </summary>
internal sealed class ImportBatch(MercatoDb db, IStockLevels stock, ISalesChannelDirectory channels, IDomainEvents events, TimeProvider time)
{
    private Dictionary<string, string> _categoryIds = [];
    private Dictionary<string, string> _locationIds = [];
    private IReadOnlyList<string> _defaultChannels = [];

    /// <summary>Reads the small lookups (categories by handle, locations by external id or id) once per job.</summary>
    public async Task LoadLookupsAsync(CancellationToken ct)
    {
        _categoryIds = await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Handle, c => c.Id, StringComparer.Ordinal, ct);
        _locationIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var location in await stock.LocationsAsync(ct))
        {
            _locationIds[location.Id] = location.Id;
            if (location.ExternalId is { } key) _locationIds[key] = location.Id;
        }
        _defaultChannels = await channels.DefaultChannelIdsAsync(ct);
    }

    /// <summary>
    /// Plans and applies the batch. With <paramref name="write"/> false nothing is written (dry run, validation pass); with it,
    /// the changes and their events are saved in the caller's open transaction.
    /// </summary>
    public async Task<BatchOutcome> RunAsync(IReadOnlyList<ParsedProduct> products, bool write, string reason, CancellationToken ct)
    {
        foreach (var product in products.Where(p => p.Errors.Count == 0)) Validate(product);
        // A product whose options turn out invalid only once applied leaves tracked changes behind: plan again without it.
        var lateFailures = new HashSet<ParsedProduct>();
        while (true)
        {
            db.ChangeTracker.Clear();
            var outcome = new BatchOutcome();
            var plan = await PlanAsync(products, lateFailures, outcome, ct);
            if (plan is null) continue;
            foreach (var product in products.Where(p => p.Errors.Count > 0))
            {
                outcome.Failed++;
                outcome.Errors.AddRange(product.Errors);
            }
            if (!write) { db.ChangeTracker.Clear(); return outcome; }

            await db.SaveChangesAsync(ct);
            foreach (var (sku, locationId, onHand) in plan.Stock)
            {
                if (await stock.SetOnHandAsync(sku, locationId, onHand, reason, ct) is { } refused)
                    throw new InvalidOperationException($"Stock of '{sku}' could not be set: {refused.Detail}");
            }
            foreach (var (product, created) in plan.Changed)
                events.Raise(created ? "product.created" : "product.updated", product.Id, await AdminProducts.ResponseAsync(db, product, ct));
            return outcome;
        }
    }

    private sealed record Plan(List<(Product Product, bool Created)> Changed, List<(string Sku, string LocationId, int OnHand)> Stock);

    private async Task<Plan?> PlanAsync(IReadOnlyList<ParsedProduct> products, HashSet<ParsedProduct> lateFailures, BatchOutcome outcome,
        CancellationToken ct)
    {
        var valid = products.Where(p => p.Errors.Count == 0).ToList();
        var externalIds = valid.Select(p => ProductEditor.NormalizeExternalId(p.Record.ExternalId)).OfType<string>().Distinct().ToList();
        var handles = valid.Select(p => p.Record.Handle).OfType<string>().Distinct().ToList();
        var skus = valid.SelectMany(p => p.Record.Variants!).Select(v => ProductEditor.NormalizeSku(v.Sku!)).Distinct().ToList();
        var variantExternalIds = valid.SelectMany(p => p.Record.Variants!).Select(v => ProductEditor.NormalizeExternalId(v.ExternalId))
            .OfType<string>().Distinct().ToList();

        var byExternalId = externalIds.Count == 0 ? [] : await db.Set<Product>().AsNoTracking().Where(p => externalIds.Contains(p.ExternalId!))
            .Select(p => new { p.Id, p.ExternalId }).ToDictionaryAsync(p => p.ExternalId!, p => p.Id, StringComparer.Ordinal, ct);
        var byHandle = handles.Count == 0 ? [] : await db.Set<Product>().AsNoTracking().Where(p => handles.Contains(p.Handle))
            .Select(p => new { p.Id, p.Handle }).ToDictionaryAsync(p => p.Handle, p => p.Id, StringComparer.Ordinal, ct);
        var variants = await db.Set<Variant>().AsNoTracking()
            .Where(v => skus.Contains(v.Sku) || (v.ExternalId != null && variantExternalIds.Contains(v.ExternalId)))
            .Select(v => new { v.Sku, v.ExternalId, v.ProductId }).ToListAsync(ct);
        var productOfSku = variants.ToDictionary(v => v.Sku, v => v.ProductId, StringComparer.Ordinal);
        var productOfVariantKey = variants.Where(v => v.ExternalId != null).ToDictionary(v => v.ExternalId!, v => v.ProductId, StringComparer.Ordinal);

        // Match each product, and check that no key it claims is another product's (in the database or earlier in the batch).
        var matches = new Dictionary<ParsedProduct, string?>();
        var claimed = new Dictionary<string, ParsedProduct>(StringComparer.Ordinal);
        foreach (var p in valid)
        {
            var r = p.Record;
            var externalId = ProductEditor.NormalizeExternalId(r.ExternalId);
            string? match = null;
            if (externalId is not null) match = byExternalId.GetValueOrDefault(externalId);
            if (match is null)
            {
                var bySku = r.Variants!.Select(v => productOfSku.GetValueOrDefault(ProductEditor.NormalizeSku(v.Sku!))).OfType<string>().Distinct().ToList();
                if (bySku.Count == 1) match = bySku[0];
            }
            if (match is null && r.Handle is not null) match = byHandle.GetValueOrDefault(r.Handle);
            if (externalId is not null && byExternalId.TryGetValue(externalId, out var owner) && owner != match)
                p.Errors.Add(new RowError(p.Row, "externalId", $"Another product already has the external id '{externalId}'."));
            if (r.Handle is not null && byHandle.TryGetValue(r.Handle, out var handleOwner) && handleOwner != match)
                p.Errors.Add(new RowError(p.Row, "handle", $"The handle '{r.Handle}' is already used by another product."));
            for (var i = 0; i < r.Variants!.Count; i++)
            {
                var (v, source) = (r.Variants[i], p.Variants[i]);
                var sku = ProductEditor.NormalizeSku(v.Sku!);
                if (productOfSku.TryGetValue(sku, out var skuOwner) && skuOwner != match)
                    p.Errors.Add(new RowError(source.Row, source.Path + "sku", $"The SKU '{sku}' belongs to another product."));
                if (ProductEditor.NormalizeExternalId(v.ExternalId) is { } key && productOfVariantKey.TryGetValue(key, out var keyOwner) && keyOwner != match)
                    p.Errors.Add(new RowError(source.Row, source.Path + "externalId", $"Another variant already has the external id '{key}'."));
            }
            var keys = new List<(string Key, int Row, string Field, string What)>();
            if (r.Handle is not null) keys.Add(("h:" + r.Handle, p.Row, "handle", "handle"));
            if (externalId is not null) keys.Add(("e:" + externalId, p.Row, "externalId", "external id"));
            for (var i = 0; i < r.Variants!.Count; i++)
            {
                keys.Add(("s:" + ProductEditor.NormalizeSku(r.Variants[i].Sku!), p.Variants[i].Row, p.Variants[i].Path + "sku", "SKU"));
                if (ProductEditor.NormalizeExternalId(r.Variants[i].ExternalId) is { } key)
                    keys.Add(("v:" + key, p.Variants[i].Row, p.Variants[i].Path + "externalId", "variant external id"));
            }
            foreach (var (key, row, field, what) in keys)
            {
                if (claimed.TryGetValue(key, out var earlier) && earlier != p)
                    p.Errors.Add(new RowError(row, field, $"The same {what} is used by the product at row {earlier.Row}."));
            }
            if (lateFailures.Contains(p)) continue;
            if (p.Errors.Count > 0) continue;
            foreach (var (key, _, _, _) in keys) claimed[key] = p;
            matches[p] = match;
        }

        var ids = matches.Values.OfType<string>().Distinct().ToList();
        var existing = ids.Count == 0 ? [] : await db.Set<Product>().Where(p => ids.Contains(p.Id)).WithGraph().ToDictionaryAsync(p => p.Id, ct);
        var levels = (await stock.OnHandAsync([.. matches.Keys.SelectMany(p => p.Record.Variants!).Select(v => ProductEditor.NormalizeSku(v.Sku!))], ct))
            .ToDictionary(l => (l.Sku, l.LocationId), l => l);

        var changed = new List<(Product, bool)>();
        var stockChanges = new List<(string, string, int)>();
        foreach (var (p, match) in matches)
        {
            var wantedStock = StockChanges(p, levels);
            if (p.Errors.Count > 0) continue;
            if (match is null)
            {
                var created = await CreateAsync(p, ct);
                if (created is null) continue;
                db.Add(created);
                changed.Add((created, true));
                outcome.Created++;
            }
            else
            {
                var product = existing[match];
                var productChanged = Update(product, p);
                if (p.Errors.Count > 0)
                {
                    lateFailures.Add(p);
                    return null;
                }
                if (productChanged) changed.Add((product, false));
                if (productChanged || wantedStock.Count > 0) outcome.Updated++;
                else outcome.Unchanged++;
            }
            stockChanges.AddRange(wantedStock);
        }
        return new Plan(changed, stockChanges);
    }

    /// <summary>The on-hand quantities that differ from the file's; a quantity below what is reserved is a row error.</summary>
    private List<(string, string, int)> StockChanges(ParsedProduct p, Dictionary<(string, string), StockOnHand> levels)
    {
        var changes = new List<(string, string, int)>();
        for (var i = 0; i < p.Record.Variants!.Count; i++)
        {
            var (v, source) = (p.Record.Variants[i], p.Variants[i]);
            var sku = ProductEditor.NormalizeSku(v.Sku!);
            foreach (var (key, onHand) in v.Stock ?? new Dictionary<string, int>())
            {
                var locationId = _locationIds[key];
                var level = levels.GetValueOrDefault((sku, locationId));
                if (level is not null && level.Reserved > onHand)
                    p.Errors.Add(new RowError(source.Row, source.StockPath + key, $"{level.Reserved} are reserved here; on hand may not be set below that."));
                else if (level?.OnHand != onHand && !(level is null && onHand == 0)) changes.Add((sku, locationId, onHand));
            }
        }
        return changes;
    }

    private async Task<Product?> CreateAsync(ParsedProduct p, CancellationToken ct)
    {
        var r = p.Record;
        if (string.IsNullOrWhiteSpace(r.Title)) { p.Errors.Add(new RowError(p.Row, "title", "Required to create a product.")); return null; }
        var handle = r.Handle ?? await ProductEditor.FreeHandleAsync(db, r.Title, ct);
        var product = new Product(r.Title.Trim(), handle, time)
        {
            Subtitle = Clearable(r.Subtitle), Description = Clearable(r.Description), ProductType = Clearable(r.ProductType),
            Status = ParseStatus(r.Status) ?? ProductStatus.Draft, ExternalId = ProductEditor.NormalizeExternalId(r.ExternalId),
            GiftCard = r.GiftCard ?? false,
        };
        ProductEditor.ApplyOptions(product, [.. (r.Options ?? []).Select(o => new OptionRequest(o.Name.Trim(), [.. o.Values.Select(x => x.Trim())]))], time);
        foreach (var v in r.Variants!)
        {
            product.Variants.Add(ProductEditor.NewVariant(product, new VariantRequest(v.Sku!, Clearable(v.Title), Clearable(v.Barcode), v.Options,
                v.WeightGrams, v.ManageInventory, v.AllowBackorder, v.Prices?.Select(x => new PriceRequest(x.Amount, x.Currency)).ToList(),
                v.ExternalId), time));
        }
        if (ProductEditor.CheckVariantOptions(product) is { } bad) { ReportOptions(p, product, bad); return null; }
        ProductEditor.ApplyLinks(product, [.. (r.Categories ?? []).Select(h => _categoryIds[h])], [], _defaultChannels, r.Tags ?? [], [], time);
        product.Touch(product.CreatedAt);
        return product;
    }

    /// <summary>Applies only what differs from the product; true when anything did.</summary>
    private bool Update(Product product, ParsedProduct p)
    {
        var r = p.Record;
        var changed = false;
        var now = time.GetUtcNow();
        void Set<T>(T current, T wanted, Action<T> set)
        {
            if (EqualityComparer<T>.Default.Equals(current, wanted)) return;
            set(wanted);
            changed = true;
        }
        if (r.Handle is not null) Set(product.Handle, r.Handle, x => product.Handle = x);
        if (r.ExternalId is not null) Set(product.ExternalId, ProductEditor.NormalizeExternalId(r.ExternalId), x => product.ExternalId = x);
        if (r.Title is not null) Set(product.Title, r.Title.Trim(), x => product.Title = x);
        if (r.Subtitle is not null) Set(product.Subtitle, Clearable(r.Subtitle), x => product.Subtitle = x);
        if (r.Description is not null) Set(product.Description, Clearable(r.Description), x => product.Description = x);
        if (r.ProductType is not null) Set(product.ProductType, Clearable(r.ProductType), x => product.ProductType = x);
        if (ParseStatus(r.Status) is { } status) Set(product.Status, status, x => product.Status = x);
        if (r.GiftCard is { } giftCard) Set(product.GiftCard, giftCard, x => product.GiftCard = x);
        if (r.Tags is not null && !r.Tags.Select(ProductEditor.NormalizeTag).ToHashSet().SetEquals(product.Tags.Select(t => t.Value)))
        {
            ProductEditor.ApplyLinks(product, null, null, null, r.Tags, null, time);
            changed = true;
        }
        if (r.Categories is not null && !r.Categories.Select(h => _categoryIds[h]).ToHashSet().SetEquals(product.Categories.Select(c => c.CategoryId)))
        {
            ProductEditor.ApplyLinks(product, [.. r.Categories.Select(h => _categoryIds[h]).Distinct()], null, null, null, null, time);
            changed = true;
        }
        var structure = false;
        if (r.Options is not null)
        {
            // Values the product has keep their order; new ones are appended (variants not in the file may use the old ones).
            var wanted = r.Options.Select(o =>
            {
                var current = product.Options.Find(x => x.Name.Equals(o.Name.Trim(), StringComparison.OrdinalIgnoreCase))?.Values ?? [];
                var values = current.Concat(o.Values.Select(x => x.Trim()).Where(x => !current.Contains(x, StringComparer.OrdinalIgnoreCase))).ToList();
                return new OptionRequest(o.Name.Trim(), values);
            }).ToList();
            var currentOptions = product.Options.OrderBy(o => o.Position).ToList();
            var same = currentOptions.Count == wanted.Count && currentOptions.Zip(wanted).All(x => x.First.Name == x.Second.Name
                && x.First.Values.SequenceEqual(x.Second.Values, StringComparer.Ordinal));
            if (!same)
            {
                ProductEditor.ApplyOptions(product, wanted, time);
                changed = structure = true;
            }
        }
        for (var i = 0; i < r.Variants!.Count; i++)
        {
            var v = r.Variants[i];
            var key = ProductEditor.NormalizeExternalId(v.ExternalId);
            var sku = ProductEditor.NormalizeSku(v.Sku!);
            var variant = (key is null ? null : product.Variants.Find(x => x.ExternalId == key)) ?? product.Variants.Find(x => x.Sku == sku);
            var prices = v.Prices?.Select(x => new PriceRequest(x.Amount, x.Currency)).ToList();
            if (variant is null)
            {
                if (product.Variants.Count >= CatalogLimits.Variants)
                {
                    p.Errors.Add(new RowError(p.Variants[i].Row, p.Variants[i].Path + "sku", $"A product has at most {CatalogLimits.Variants} variants."));
                    return changed;
                }
                product.Variants.Add(ProductEditor.NewVariant(product, new VariantRequest(sku, Clearable(v.Title), Clearable(v.Barcode), v.Options,
                    v.WeightGrams, v.ManageInventory, v.AllowBackorder, prices, v.ExternalId), time));
                changed = structure = true;
                continue;
            }
            var differs = variant.Sku != sku
                || (v.ExternalId is not null && variant.ExternalId != key)
                || (v.Title is not null && variant.Title != Clearable(v.Title)?.Trim())
                || (v.Barcode is not null && variant.Barcode != Clearable(v.Barcode)?.Trim())
                || (v.WeightGrams is { } weight && variant.WeightGrams != weight)
                || (v.ManageInventory is { } manage && variant.ManageInventory != manage)
                || (v.AllowBackorder is { } backorder && variant.AllowBackorder != backorder)
                || (v.Options is not null && !SameOptions(variant, v.Options))
                || (v.Prices is not null && !SamePrices(variant, v.Prices));
            if (!differs) continue;
            ProductEditor.ApplyVariant(product, variant, new UpdateVariantRequest(sku, v.Title is null ? null : v.Title.Trim(),
                v.Barcode?.Trim(), v.Options, v.WeightGrams, v.ManageInventory, v.AllowBackorder, prices, v.ExternalId), now);
            if (v.Title is not null && variant.Title == "") variant.Title = null;
            if (v.Barcode is not null && variant.Barcode == "") variant.Barcode = null;
            changed = true;
            structure |= v.Options is not null;
        }
        if (structure && ProductEditor.CheckVariantOptions(product) is { } bad) ReportOptions(p, product, bad);
        if (changed) product.Touch(now);
        return changed;
    }

    private static bool SameOptions(Variant variant, IReadOnlyDictionary<string, string> wanted) =>
        variant.OptionValues.Count == wanted.Count && wanted.All(w => variant.OptionValues.Any(o =>
            o.OptionName.Equals(w.Key.Trim(), StringComparison.OrdinalIgnoreCase) && o.Value.Equals(w.Value.Trim(), StringComparison.OrdinalIgnoreCase)));

    private static bool SamePrices(Variant variant, IReadOnlyList<Kernel.Money.MoneyDto> wanted) =>
        variant.Prices.Count == wanted.Count && wanted.All(w => variant.Prices.Any(x => x.CurrencyCode.Equals(w.Currency, StringComparison.OrdinalIgnoreCase) && x.Amount == w.Amount));

    /// <summary>Option problems found once applied: on the variant's row when it is in the file, else on the product's.</summary>
    private static void ReportOptions(ParsedProduct p, Product product, Kernel.Errors.Error error)
    {
        var ordered = product.Variants.ToList();
        foreach (var (field, messages) in error.Fields ?? new Dictionary<string, string[]>())
        {
            var (row, name) = (p.Row, "options");
            if (field.StartsWith("variants[", StringComparison.Ordinal) && int.TryParse(field[9..field.IndexOf(']', StringComparison.Ordinal)], out var index)
                && index < ordered.Count)
            {
                var sku = ordered[index].Sku;
                var at = p.Record.Variants!.ToList().FindIndex(v => ProductEditor.NormalizeSku(v.Sku!) == sku);
                if (at >= 0) (row, name) = (p.Variants[at].Row, p.Variants[at].Path + "options");
            }
            foreach (var message in messages) p.Errors.Add(new RowError(row, name, message));
        }
    }

    /// <summary>Shape checks, with the same limits as the Admin API, and the references (categories, stock locations).</summary>
    private void Validate(ParsedProduct p)
    {
        var r = p.Record;
        var v = new Validator().Handle("handle", r.Handle).MaxLength("title", r.Title, CatalogLimits.Title)
            .MaxLength("subtitle", r.Subtitle, CatalogLimits.Title).MaxLength("description", r.Description, CatalogLimits.Description)
            .MaxLength("productType", r.ProductType, 100).MaxLength("externalId", r.ExternalId, CatalogLimits.ExternalId)
            .Count("tags", r.Tags, CatalogLimits.Tags).Count("categories", r.Categories, CatalogLimits.Links).Count("options", r.Options, CatalogLimits.Options);
        if (r.Handle is not null && ProductEditor.ReservedHandles.Contains(r.Handle)) v.Add("handle", "This handle is reserved by the Store API.");
        if (r.Status is not null && ParseStatus(r.Status) is null) v.Add("status", "One of: draft, published, archived.");
        if (r.Tags?.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > CatalogLimits.Tag) == true) v.Add("tags", $"Each tag has 1 to {CatalogLimits.Tag} characters.");
        foreach (var handle in r.Categories ?? [])
        {
            if (!_categoryIds.ContainsKey(handle)) v.Add("categories", $"No category with handle '{handle}'.");
        }
        for (var i = 0; i < (r.Options?.Count ?? 0); i++)
        {
            var o = r.Options![i];
            if (o is null || string.IsNullOrWhiteSpace(o.Name) || o.Name.Length > CatalogLimits.OptionName) v.Add($"options[{i}].name", $"1 to {CatalogLimits.OptionName} characters.");
            if (o?.Values is null || o.Values.Count is 0 or > CatalogLimits.OptionValues || o.Values.Any(x => string.IsNullOrWhiteSpace(x) || x.Length > CatalogLimits.OptionValue))
                v.Add($"options[{i}].values", $"1 to {CatalogLimits.OptionValues} values of 1 to {CatalogLimits.OptionValue} characters.");
        }
        if (r.Options?.Where(o => o?.Name is not null).GroupBy(o => o.Name.Trim(), StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1) == true)
            v.Add("options", "Option names must be unique.");
        if (r.Variants is not { Count: > 0 }) v.Add("variants", "At least one variant.");
        else if (r.Variants.Count > CatalogLimits.Variants) v.Add("variants", $"At most {CatalogLimits.Variants} variants.");
        Report(p, p.Row, v);
        if (r.Variants is not { Count: > 0 and <= CatalogLimits.Variants }) return;
        for (var i = 0; i < r.Variants.Count; i++)
        {
            var (variant, source) = (r.Variants[i], p.Variants[i]);
            var path = source.Path.TrimEnd('.');
            var vv = new Validator();
            if (variant is null) { p.Errors.Add(new RowError(source.Row, path, "Required.")); continue; }
            ProductEditor.ValidateVariant(vv, path, variant.Sku, skuRequired: true, variant.Title, variant.Barcode, variant.Options,
                variant.WeightGrams, variant.Prices?.Select(x => new PriceRequest(x?.Amount, x?.Currency!)).ToList(), variant.ExternalId);
            foreach (var (key, onHand) in variant.Stock ?? new Dictionary<string, int>())
            {
                if (!_locationIds.ContainsKey(key)) vv.Add(source.StockPath + key, $"No stock location with external id or id '{key}'.");
                else vv.Range(source.StockPath + key, onHand, 0, 1_000_000_000);
            }
            Report(p, source.Row, vv);
        }
        var skus = r.Variants.Where(x => x?.Sku is not null).Select((x, i) => (Sku: ProductEditor.NormalizeSku(x.Sku!), i));
        foreach (var group in skus.GroupBy(x => x.Sku).Where(g => g.Count() > 1))
        {
            foreach (var (_, i) in group.Skip(1))
                p.Errors.Add(new RowError(p.Variants[i].Row, p.Variants[i].Path + "sku", $"The SKU '{group.Key}' appears more than once in the product."));
        }
    }

    private static void Report(ParsedProduct p, int row, Validator v)
    {
        foreach (var (field, messages) in v.ToError()?.Fields ?? new Dictionary<string, string[]>())
            p.Errors.AddRange(messages.Select(m => new RowError(row, field, m)));
    }

    private static string? Clearable(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static ProductStatus? ParseStatus(string? value) => value is null ? null
        : Enum.GetValues<ProductStatus>().Cast<ProductStatus?>()
            .FirstOrDefault(s => JsonNamingPolicy.SnakeCaseLower.ConvertName(s!.Value.ToString()).Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
}
