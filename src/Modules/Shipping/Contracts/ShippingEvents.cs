namespace Mercato.Shipping.Contracts;

/// <summary>Event types the Shipping module raises (see <c>GET /admin/events</c>); the state is the Admin API's response.</summary>
public static class ShippingEvents
{
    /// <summary>A shipping option was created; the resource is the option.</summary>
    public const string OptionCreated = "shipping_option.created";

    /// <summary>A shipping option's region, name, pricing, threshold, tax class, position or enabled flag changed.</summary>
    public const string OptionUpdated = "shipping_option.updated";

    /// <summary>A shipping option was deleted; the state is its last state.</summary>
    public const string OptionDeleted = "shipping_option.deleted";

    public static bool IsShippingOptionEvent(string type) => type is OptionCreated or OptionUpdated or OptionDeleted;
}
