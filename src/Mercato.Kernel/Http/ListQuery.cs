using Mercato.Kernel.Errors;
using Mercato.Kernel.Paging;

namespace Mercato.Kernel.Http;

public static class ListQuery
{
    /// <summary>Checks <c>limit</c> (1 to 100, default 20).</summary>
    public static Result<int> Limit(int? limit) => limit switch
    {
        null => Cursor.DefaultLimit,
        < 1 or > Cursor.MaxLimit => Error.Validation("limit", $"Must be between 1 and {Cursor.MaxLimit}."),
        { } l => l,
    };

    public static Error InvalidCursor() => new("invalid_cursor", "The cursor is not one this list produced.", 400,
        new Dictionary<string, string[]> { ["cursor"] = ["Not a cursor from this list."] });
}
