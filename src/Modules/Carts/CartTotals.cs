namespace Mercato.Carts;

/// <summary>
/// Cart totals from lines already taxed. The rounding rule (applied by the tax calculator, Tax module's TaxMath): tax is
/// computed per line on the line amount after its discount, and on the shipping charge, in exact integer arithmetic, and
/// rounded once to the minor unit, half away from zero. Where prices exclude tax it adds <c>round(amount × rate / 10000)</c>;
/// where they include it, it extracts <c>round(amount × rate / (10000 + rate))</c>. Rates are basis points.
/// <para>
/// subtotal − discount + shipping + tax = total always holds. Where prices include tax, <c>subtotal</c> and <c>shipping</c>
/// in the totals are net of the tax extracted from them (the discount stays as charged), so the identity holds and
/// <c>total</c> is what the shopper pays; lines keep <c>unitPrice</c>, <c>subtotal</c> and <c>total</c> as the catalog shows
/// them (tax included). Where prices exclude tax, totals are the plain sums and a line's total includes its tax.
/// </para>
/// </summary>
internal static class CartTotals
{
    public sealed record Line(long Subtotal, long Discount, long Tax);

    public sealed record Result(long Subtotal, long Discount, long Shipping, long Tax, long Total);

    /// <summary>What the shopper pays for a line: its amount after discount, plus its tax unless the price already includes it.</summary>
    public static long LineTotal(long subtotal, long discount, long tax, bool pricesIncludeTax) =>
        pricesIncludeTax ? subtotal - discount : checked(subtotal - discount + tax);

    /// <summary>A discount never exceeds the line's subtotal nor goes below zero.</summary>
    public static long ClampDiscount(long subtotal, long discount) => Math.Clamp(discount, 0, Math.Max(subtotal, 0));

    /// <summary><paramref name="shippingDiscount"/> (at most <paramref name="shipping"/>) counts in the discount; shipping stays as quoted.</summary>
    public static Result Compute(IReadOnlyList<Line> lines, long shipping, long shippingTax, bool pricesIncludeTax, long shippingDiscount = 0)
    {
        long subtotal = 0, discount = Math.Clamp(shippingDiscount, 0, Math.Max(shipping, 0)), lineTax = 0;
        foreach (var line in lines)
        {
            subtotal = checked(subtotal + line.Subtotal);
            discount = checked(discount + line.Discount);
            lineTax = checked(lineTax + line.Tax);
        }
        var tax = checked(lineTax + shippingTax);
        if (pricesIncludeTax)
        {
            subtotal -= lineTax;
            shipping -= shippingTax;
        }
        return new Result(subtotal, discount, shipping, tax, checked(subtotal - discount + shipping + tax));
    }
}
