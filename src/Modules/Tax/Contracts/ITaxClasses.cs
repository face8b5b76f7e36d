namespace Mercato.Tax.Contracts;

/// <summary>Lookups of tax classes for modules that link to them by id (products, shipping options).</summary>
public interface ITaxClasses
{
    Task<bool> ExistsAsync(string taxClassId, CancellationToken ct);
}
