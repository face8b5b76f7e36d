using Mercato.Kernel.Errors;

namespace Mercato.Promotions;

internal static class PromotionErrors
{
    public static Error NotFound(string id) => Error.NotFound("promotion", id);

    public static Error CodeTaken(string code) => Error.Conflict("promotion_code_taken", $"The code '{code}' is already used by a promotion.");
}
