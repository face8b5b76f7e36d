namespace Mercato.Promotions.Contracts;

/// <summary>Event types the Promotions module raises (see <c>GET /admin/events</c>); the state is the Admin API's response.</summary>
public static class PromotionEvents
{
    /// <summary>A promotion was created; the resource is the promotion.</summary>
    public const string Created = "promotion.created";

    /// <summary>A promotion's settings changed (enabled, schedule, action, conditions, limits...). Orders counting its use raise none.</summary>
    public const string Updated = "promotion.updated";

    /// <summary>A promotion was deleted with its codes; the state is its last state.</summary>
    public const string Deleted = "promotion.deleted";

    public static bool IsPromotionEvent(string type) => type is Created or Updated or Deleted;
}
