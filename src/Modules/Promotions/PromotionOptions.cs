namespace Mercato.Promotions;

/// <summary>Configuration section <c>Mercato:Promotions</c>.</summary>
internal sealed class PromotionOptions
{
    /// <summary>When true a canceled order keeps the usage it counted (limits stay consumed); by default it is given back.</summary>
    public bool KeepUsageOnCancel { get; set; }
}
