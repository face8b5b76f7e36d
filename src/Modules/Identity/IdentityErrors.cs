using Mercato.Kernel.Errors;
using Microsoft.AspNetCore.Http;

namespace Mercato.Identity;

internal static class IdentityErrors
{
    /// <summary>The caller is known but may not do this (hand out permissions it lacks, touch the owner role).</summary>
    public static Error Forbidden(string detail) => new("forbidden", detail, StatusCodes.Status403Forbidden);
}
