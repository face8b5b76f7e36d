namespace Mercato.Regions.Contracts;

/// <summary>Event types the Regions module raises (see <c>GET /admin/events</c>); the state is the Admin API's response.</summary>
public static class RegionEvents
{
    /// <summary>A region was created; the resource is the region.</summary>
    public const string RegionCreated = "region.created";

    /// <summary>A region's name, currency, countries or tax settings changed.</summary>
    public const string RegionUpdated = "region.updated";

    /// <summary>A region was deleted; the state is its last state.</summary>
    public const string RegionDeleted = "region.deleted";

    public static bool IsRegionEvent(string type) => type is RegionCreated or RegionUpdated or RegionDeleted;
}
