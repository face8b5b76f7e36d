using Mercato.Kernel.Errors;

namespace Mercato.Tax;

internal static class TaxErrors
{
    public static Error CodeTaken(string code) => Error.Conflict("tax_class_code_taken", $"Another tax class already has the code '{code}'.");

    public static Error UnknownRegions(IEnumerable<(int Index, string RegionId)> missing) => Error.Validation(
        missing.ToDictionary(m => $"rates[{m.Index}].regionId", m => new[] { $"No region with id '{m.RegionId}'." }));
}
