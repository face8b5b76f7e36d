using System.Diagnostics.CodeAnalysis;
using Mercato.Payments.Contracts;

namespace Mercato.Payments;

/// <summary>The registered providers by name; one that lacks its configuration counts as unknown.</summary>
internal sealed class PaymentProviders(IEnumerable<IPaymentProvider> providers)
{
    private readonly IPaymentProvider[] _providers = [.. providers];

    public bool TryGet(string? name, [NotNullWhen(true)] out IPaymentProvider? provider)
    {
        provider = _providers.LastOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal) && p.IsAvailable);
        return provider is not null;
    }
}
