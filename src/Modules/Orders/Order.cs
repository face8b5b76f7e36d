using System.Text.Json;
using Mercato.Kernel.Addresses;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Mercato.Orders.Contracts;

namespace Mercato.Orders;

/// <summary>A placed order: a snapshot of what was bought, its payment, fulfilment and return history, and its timeline.</summary>
internal sealed class Order : IVersioned
{
    public const string System = "system";
    public const string Customer = "customer";
    public const int ExternalIdLength = 200;

    private Order()
    {
    }

    public string Id { get; private init; } = "";
    public long Number { get; private init; }

    /// <summary>The integrator's id for this order (ERP, marketplace): unique when set.</summary>
    public string? ExternalId { get; private set; }
    public string CartId { get; private init; } = "";
    public string SalesChannelId { get; private init; } = "";
    public string RegionId { get; private init; } = "";
    public string Currency { get; private init; } = "";
    public bool PricesIncludeTax { get; private init; }
    public string Email { get; private init; } = "";
    public string? CustomerId { get; private init; }
    public Address ShippingAddress { get; private init; } = null!;
    public Address? BillingAddress { get; private init; }
    public string? ShippingOptionId { get; private init; }
    public string? ShippingName { get; private init; }
    public long ShippingAmount { get; private init; }
    public int ShippingTaxRateBasisPoints { get; private init; }
    public long ShippingTax { get; private init; }
    public long Subtotal { get; private init; }
    public long Discount { get; private init; }
    public long ShippingTotal { get; private init; }
    public long Tax { get; private init; }
    public long Total { get; private init; }
    public long Captured { get; private set; }
    public long Refunded { get; private set; }
    /// <summary>What gift cards paid at placement; it counts in <see cref="Captured"/> from the start.</summary>
    public long GiftCardTotal { get; private init; }
    /// <summary>What refunds credited back to the gift cards; it counts in <see cref="Refunded"/>.</summary>
    public long GiftCardRefunded { get; private set; }
    public string PaymentId { get; private init; } = "";
    public string PaymentProvider { get; private init; } = "";
    public OrderStatus Status { get; private set; }
    public OrderPaymentStatus PaymentStatus { get; private set; }
    public OrderFulfillmentStatus FulfillmentStatus { get; private set; }

    /// <summary>SHA-256 of the guest's order token, hex: the token itself is shown once and never stored.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>Counts payment operations (captures, refunds) so that retries of one operation reuse its idempotency key.</summary>
    public int PaymentOperations { get; private set; }

    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? CanceledAt { get; private set; }

    /// <summary>The promotions that discounted the order (JSON of <see cref="OrderPromotionDraft"/>), as priced at placement.</summary>
    public string PromotionsJson { get; private init; } = "[]";

    public IReadOnlyList<OrderPromotionDraft> Promotions => JsonSerializer.Deserialize<List<OrderPromotionDraft>>(PromotionsJson) ?? [];

    public IReadOnlyList<OrderPromotion> PromotionViews => [.. Promotions.Select(p => new OrderPromotion(p.PromotionId, p.Name, p.Code,
        new Kernel.Money.MoneyDto(p.Amount, Currency), new Kernel.Money.MoneyDto(p.ShippingAmount, Currency)))];

    public List<OrderLine> Lines { get; private init; } = [];
    public List<Fulfillment> Fulfillments { get; private init; } = [];
    public List<OrderReturn> Returns { get; private init; } = [];
    public List<OrderRefund> Refunds { get; private init; } = [];
    public List<TimelineEntry> Timeline { get; private init; } = [];

    public long Refundable => Captured - Refunded;

    public bool IsOpen => Status is OrderStatus.Pending or OrderStatus.Completed;

    public static string NewId(TimeProvider time) => EntityId.New("order", time);

    public static Order Place(OrderDraft draft, long number, string tokenHash, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var order = new Order
        {
            Id = draft.OrderId ?? NewId(time), Number = number, CartId = draft.CartId, SalesChannelId = draft.SalesChannelId,
            RegionId = draft.RegionId, Currency = draft.CurrencyCode.ToUpperInvariant(), PricesIncludeTax = draft.PricesIncludeTax,
            Email = NormalizeEmail(draft.Email), CustomerId = draft.CustomerId, ShippingAddress = draft.ShippingAddress,
            BillingAddress = draft.BillingAddress, ShippingOptionId = draft.Shipping?.OptionId, ShippingName = draft.Shipping?.Name,
            ShippingAmount = draft.Shipping?.Amount ?? 0, ShippingTaxRateBasisPoints = draft.Shipping?.TaxRateBasisPoints ?? 0,
            ShippingTax = draft.Shipping?.Tax ?? 0, Subtotal = draft.Totals.Subtotal, Discount = draft.Totals.Discount,
            ShippingTotal = draft.Totals.Shipping, Tax = draft.Totals.Tax, Total = draft.Totals.Total, PaymentId = draft.PaymentId,
            PaymentProvider = draft.PaymentProvider, Status = OrderStatus.Pending,
            // Paid entirely by gift cards: nothing left to authorize or capture.
            PaymentStatus = draft.PaymentId.Length == 0 ? OrderPaymentStatus.Captured
                : draft.PaymentAuthorized ? OrderPaymentStatus.Authorized : OrderPaymentStatus.Awaiting,
            GiftCardTotal = draft.GiftCardTotal, Captured = draft.GiftCardTotal,
            FulfillmentStatus = OrderFulfillmentStatus.NotFulfilled, TokenHash = tokenHash, CreatedAt = now, UpdatedAt = now,
            PromotionsJson = JsonSerializer.Serialize(draft.Promotions),
        };
        var position = 0;
        foreach (var line in draft.Lines) order.Lines.Add(new OrderLine(order.Id, position++, line, time));
        order.Record(System, "placed", $"Order #{number} placed by {order.Email}.", now,
            new { total = order.Total, currency = order.Currency, paymentStatus = OrderErrors.Name(order.PaymentStatus) }, time);
        return order;
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public OrderLine? Line(string lineId) => Lines.Find(l => l.Id == lineId);

    public int FulfilledQuantity(string lineId) => Fulfillments.Sum(f => f.QuantityOf(lineId));

    public int ShippedQuantity(string lineId) => Fulfillments.Where(f => f.ShippedAt is not null).Sum(f => f.QuantityOf(lineId));

    public int ReturnRequestedQuantity(string lineId) => Returns.Sum(r => r.QuantityOf(lineId));

    // ---- payment ----

    /// <summary>The amount a capture would take (all of the total when none is given), or why it cannot.</summary>
    public Result<long> PlanCapture(long? amount)
    {
        if (!IsOpen) return OrderErrors.NotOpen(Id);
        if (PaymentStatus != OrderPaymentStatus.Authorized) return OrderErrors.NotCapturable(OrderErrors.Name(PaymentStatus));
        var authorized = Total - GiftCardTotal;
        var value = amount ?? authorized;
        if (value > authorized) return OrderErrors.CaptureExceedsAuthorized(value, authorized);
        return value;
    }

    /// <summary>Records the payment's <paramref name="capturedTotal"/> (gift cards are added: they were captured at placement).</summary>
    public void RecordCapture(long capturedTotal, string actor, string idempotencyKey, TimeProvider time)
    {
        capturedTotal += GiftCardTotal;
        var now = time.GetUtcNow();
        var taken = capturedTotal - Captured;
        Captured = capturedTotal;
        MovePayment(OrderPaymentStatus.Captured);
        PaymentOperations++;
        Touch(now);
        Record(actor, "payment_captured", $"Captured {taken} {Currency}.", now, new { amount = taken, captured = Captured, idempotencyKey }, time);
    }

    /// <summary>
    /// The amount to refund: the given amount, or the lines' share of their total (tax included) for the given quantities,
    /// never more than was captured and not yet refunded.
    /// </summary>
    public Result<long> PlanRefund(long? amount, IReadOnlyList<(string LineId, int Quantity)> items)
    {
        if (PaymentStatus is not (OrderPaymentStatus.Captured or OrderPaymentStatus.PartiallyRefunded) || Refundable <= 0)
            return OrderErrors.NothingToRefund();
        var value = 0L;
        foreach (var (lineId, quantity) in items)
        {
            var line = Line(lineId)!;
            var left = line.Quantity - line.RefundedQuantity;
            if (quantity > left) return OrderErrors.RefundExceedsLine(lineId, quantity, left);
            value += line.ShareOf(quantity);
        }
        if (amount is { } given) value = given;
        else if (items.Count == 0) value = Refundable;
        if (value > Refundable) return OrderErrors.RefundExceedsCaptured(value, Refundable);
        return value;
    }

    /// <summary>Gift-card credits staged by a refund or cancel; <see cref="Refunded"/> is set by the record that follows.</summary>
    public void RecordGiftCardCredit(long credited) => GiftCardRefunded += credited;

    /// <summary>What the payment (not the gift cards) has refunded so far.</summary>
    public long PaymentRefunded => Refunded - GiftCardRefunded;

    public OrderRefund RecordRefund(long amount, long refundedTotal, string? reason, IReadOnlyList<(string LineId, int Quantity)> items,
        string? returnId, string actor, string idempotencyKey, TimeProvider time)
    {
        var now = time.GetUtcNow();
        Refunded = refundedTotal;
        foreach (var (lineId, quantity) in items) Line(lineId)!.RefundedQuantity += quantity;
        MovePayment(Refunded >= Captured ? OrderPaymentStatus.Refunded : OrderPaymentStatus.PartiallyRefunded);
        PaymentOperations++;
        var refund = new OrderRefund(Id, amount, reason, items, returnId, actor, time);
        Refunds.Add(refund);
        Touch(now);
        Record(actor, "payment_refunded", $"Refunded {amount} {Currency}" + (reason is null ? "." : $": {reason}."), now,
            new { refundId = refund.Id, amount, refunded = Refunded, items = items.Select(i => new { lineId = i.LineId, quantity = i.Quantity }), idempotencyKey },
            time);
        return refund;
    }

    // ---- cancel and archive ----

    public Error? CheckCancel()
    {
        if (Status != OrderStatus.Pending) return OrderErrors.NotCancelable(OrderErrors.Name(Status));
        if (FulfillmentStatus != OrderFulfillmentStatus.NotFulfilled || Fulfillments.Count > 0) return OrderErrors.AlreadyFulfilled();
        return null;
    }

    /// <summary>Records the cancel after the payment was voided (or refunded) and the stock released.</summary>
    public void RecordCancel(OrderPaymentStatus paymentStatus, long refundedTotal, string? reason, string actor, TimeProvider time)
    {
        var now = time.GetUtcNow();
        Status = OrderStatus.Canceled;
        if (refundedTotal != Refunded)
        {
            Refunded = refundedTotal;
            PaymentOperations++;
        }
        MovePayment(paymentStatus);
        CanceledAt = now;
        Touch(now);
        Record(actor, "canceled", "Order canceled" + (reason is null ? "." : $": {reason}."), now,
            new { paymentStatus = OrderErrors.Name(PaymentStatus), refunded = Refunded }, time);
    }

    public Error? Archive(string actor, TimeProvider time)
    {
        if (Status is not (OrderStatus.Completed or OrderStatus.Canceled)) return OrderErrors.NotArchivable(OrderErrors.Name(Status));
        if (OrderProcess.Check(Status, OrderStatus.Archived) is { } refused) return refused;
        var now = time.GetUtcNow();
        Status = OrderStatus.Archived;
        Touch(now);
        Record(actor, "archived", "Order archived.", now, null, time);
        return null;
    }

    // ---- fulfilment ----

    public Result<Fulfillment> Fulfill(IReadOnlyList<(string LineId, int Quantity)> items, string? locationId, string? carrier,
        string? trackingNumber, string actor, TimeProvider time)
    {
        if (!IsOpen) return OrderErrors.NotOpen(Id);
        foreach (var group in items.GroupBy(i => i.LineId))
        {
            var line = Line(group.Key)!;
            var requested = group.Sum(i => i.Quantity);
            var left = line.Quantity - FulfilledQuantity(line.Id) - line.RefundedBeforeIssue;
            if (requested > left) return OrderErrors.FulfillmentExceedsOrdered(line.Id, requested, Math.Max(left, 0));
        }
        var now = time.GetUtcNow();
        var fulfillment = new Fulfillment(Id, items, locationId, carrier, trackingNumber, time);
        Fulfillments.Add(fulfillment);
        if (Refresh() is { } refused)
        {
            Fulfillments.Remove(fulfillment);
            return refused;
        }
        Touch(now);
        Record(actor, "fulfillment_created", $"Fulfillment of {items.Sum(i => i.Quantity)} item(s) created.", now,
            new { fulfillmentId = fulfillment.Id, locationId, carrier, trackingNumber }, time);
        return fulfillment;
    }

    public Error? Ship(string fulfillmentId, string? carrier, string? trackingNumber, string actor, TimeProvider time)
    {
        if (!IsOpen) return OrderErrors.NotOpen(Id);
        var fulfillment = Fulfillments.Find(f => f.Id == fulfillmentId);
        if (fulfillment is null) return OrderErrors.FulfillmentNotFound(fulfillmentId);
        if (fulfillment.ShippedAt is not null) return OrderErrors.AlreadyShipped(fulfillmentId);
        var now = time.GetUtcNow();
        fulfillment.ShippedAt = now;
        if (carrier is not null) fulfillment.Carrier = carrier;
        if (trackingNumber is not null) fulfillment.TrackingNumber = trackingNumber;
        if (Refresh() is { } refused)
        {
            fulfillment.ShippedAt = null;
            return refused;
        }
        Touch(now);
        Record(actor, "fulfillment_shipped", "Fulfillment shipped" + (fulfillment.TrackingNumber is null ? "." : $" ({fulfillment.Carrier} {fulfillment.TrackingNumber})."),
            now, new { fulfillmentId, carrier = fulfillment.Carrier, trackingNumber = fulfillment.TrackingNumber }, time);
        return null;
    }

    public Error? Deliver(string fulfillmentId, string actor, TimeProvider time)
    {
        if (!IsOpen) return OrderErrors.NotOpen(Id);
        var fulfillment = Fulfillments.Find(f => f.Id == fulfillmentId);
        if (fulfillment is null) return OrderErrors.FulfillmentNotFound(fulfillmentId);
        if (fulfillment.ShippedAt is null) return OrderErrors.NotShipped(fulfillmentId);
        if (fulfillment.DeliveredAt is not null) return OrderErrors.AlreadyDelivered(fulfillmentId);
        var now = time.GetUtcNow();
        fulfillment.DeliveredAt = now;
        if (Refresh() is { } refused)
        {
            fulfillment.DeliveredAt = null;
            return refused;
        }
        Touch(now);
        Record(actor, "fulfillment_delivered", "Fulfillment delivered.", now, new { fulfillmentId }, time);
        if (FulfillmentStatus == OrderFulfillmentStatus.Delivered && Status == OrderStatus.Pending)
        {
            Status = OrderStatus.Completed;
            Record(System, "completed", "Every item was delivered; the order is completed.", now, null, time);
        }
        return null;
    }

    // ---- gift cards sold as products (ADR 9) ----

    /// <summary>What a fulfilment issues: per gift-card line, the units it fulfilled (numbered 1.. in fulfilment order).</summary>
    public IReadOnlyList<(OrderLine Line, int FirstUnit, int Count)> GiftCardUnits(Fulfillment fulfillment) =>
        [.. fulfillment.Lines.Select(f => (Line: Line(f.LineId)!, f.Quantity)).Where(x => x.Line.IsGiftCard)
            .Select(x => (x.Line, FulfilledQuantity(x.Line.Id) - x.Quantity + 1, x.Quantity))];

    public void RecordGiftCardsIssued(IReadOnlyList<(string LineId, OrderLineGiftCard Card)> cards, string actor, TimeProvider time)
    {
        if (cards.Count == 0) return;
        foreach (var group in cards.GroupBy(c => c.LineId)) Line(group.Key)!.AddGiftCards(group.Select(c => c.Card));
        var now = time.GetUtcNow();
        Touch(now);
        Record(actor, "gift_cards_issued", $"{cards.Count} gift card(s) issued; their codes were emailed to {Email}.", now,
            new { giftCards = cards.Select(c => new { lineId = c.LineId, id = c.Card.Id, last4 = c.Card.Last4 }) }, time);
    }

    public void RecordGiftCardsRevoked(string lineId, IReadOnlyCollection<string> giftCardIds, string actor, TimeProvider time)
    {
        if (giftCardIds.Count == 0) return;
        Line(lineId)!.MarkRevoked(giftCardIds);
        var now = time.GetUtcNow();
        Record(actor, "gift_cards_revoked", $"{giftCardIds.Count} gift card(s) disabled by a refund.", now,
            new { lineId, giftCardIds }, time);
    }

    // ---- returns ----

    public Result<OrderReturn> RequestReturn(IReadOnlyList<(string LineId, int Quantity)> items, string? reason, string actor, TimeProvider time)
    {
        if (!IsOpen) return OrderErrors.NotOpen(Id);
        if (items.FirstOrDefault(i => Line(i.LineId)!.IsGiftCard) is { LineId: { } giftCardLine }) return OrderErrors.GiftCardNotReturnable(giftCardLine);
        foreach (var group in items.GroupBy(i => i.LineId))
        {
            var requested = group.Sum(i => i.Quantity);
            var returnable = ShippedQuantity(group.Key) - ReturnRequestedQuantity(group.Key);
            if (requested > returnable) return OrderErrors.ReturnExceedsShipped(group.Key, requested, returnable);
        }
        var now = time.GetUtcNow();
        var request = new OrderReturn(Id, items, reason, time);
        Returns.Add(request);
        Touch(now);
        Record(actor, "return_requested", $"Return of {items.Sum(i => i.Quantity)} item(s) requested" + (reason is null ? "." : $": {reason}."),
            now, new { returnId = request.Id, reason }, time);
        return request;
    }

    public Result<OrderReturn> CheckReceive(string returnId)
    {
        if (!IsOpen) return OrderErrors.NotOpen(Id);
        var request = Returns.Find(r => r.Id == returnId);
        if (request is null) return OrderErrors.ReturnNotFound(returnId);
        if (request.Status == ReturnStatus.Received) return OrderErrors.ReturnAlreadyReceived(returnId);
        return request;
    }

    public Error? ReceiveReturn(OrderReturn request, bool restock, long? refundAmount, string actor, TimeProvider time)
    {
        var now = time.GetUtcNow();
        request.Status = ReturnStatus.Received;
        request.Restock = restock;
        request.RefundAmount = refundAmount;
        request.ReceivedAt = now;
        if (Refresh() is { } refused)
        {
            request.Status = ReturnStatus.Requested;
            return refused;
        }
        Touch(now);
        Record(actor, "return_received", "Return received" + (restock ? " and restocked." : " (not restocked)."), now,
            new { returnId = request.Id, restock, refundAmount }, time);
        return null;
    }

    // ---- integrator fields ----

    /// <summary>Sets or (with null) clears the external id; false when it is already that value.</summary>
    public bool SetExternalId(string? externalId, string actor, TimeProvider time)
    {
        if (externalId == ExternalId) return false;
        var now = time.GetUtcNow();
        var previous = ExternalId;
        ExternalId = externalId;
        Touch(now);
        Record(actor, "external_id_changed", externalId is null ? "External id removed." : $"External id set to {externalId}.", now,
            new { externalId, previous }, time);
        return true;
    }

    // ---- shared ----

    public void Record(string actor, string kind, string message, DateTimeOffset at, object? data, TimeProvider time) =>
        Timeline.Add(new TimelineEntry(Id, actor, kind, message, at, data is null ? null : JsonSerializer.Serialize(data, TimelineEntry.Json), time));

    private void Touch(DateTimeOffset now) => UpdatedAt = now;

    private void MovePayment(OrderPaymentStatus to)
    {
        // Money already moved at the provider: the record must follow, the table only guards the checks made before.
        PaymentStatus = to;
    }

    /// <summary>Derives the fulfilment status from the quantities and applies it when the transition table allows it.</summary>
    private Error? Refresh()
    {
        var next = Derive();
        if (OrderProcess.Check(FulfillmentStatus, next) is { } refused) return refused;
        FulfillmentStatus = next;
        return null;
    }

    private OrderFulfillmentStatus Derive()
    {
        var ordered = Lines.Sum(l => l.Quantity);
        int Sum(Func<Fulfillment, bool> which) => Fulfillments.Where(which).Sum(f => f.Lines.Sum(l => l.Quantity));
        var received = Returns.Where(r => r.Status == ReturnStatus.Received).Sum(r => r.Lines.Sum(l => l.Quantity));
        if (ordered > 0 && received >= ordered) return OrderFulfillmentStatus.Returned;
        if (received > 0 && FulfillmentStatus is OrderFulfillmentStatus.Shipped or OrderFulfillmentStatus.Delivered) return FulfillmentStatus;
        var fulfilled = Sum(_ => true);
        if (fulfilled < ordered) return fulfilled == 0 ? OrderFulfillmentStatus.NotFulfilled : OrderFulfillmentStatus.PartiallyFulfilled;
        if (Sum(f => f.DeliveredAt is not null) >= ordered) return OrderFulfillmentStatus.Delivered;
        if (Sum(f => f.ShippedAt is not null) >= ordered) return OrderFulfillmentStatus.Shipped;
        return OrderFulfillmentStatus.Fulfilled;
    }
}

/// <summary>A line as it was bought, with how much of it was refunded.</summary>
internal sealed class OrderLine
{
    private OrderLine()
    {
    }

    public OrderLine(string orderId, int position, OrderLineDraft draft, TimeProvider time)
    {
        Id = EntityId.New("oline", time);
        OrderId = orderId;
        Position = position;
        VariantId = draft.VariantId;
        ProductId = draft.ProductId;
        Sku = draft.Sku;
        ProductTitle = draft.ProductTitle;
        VariantTitle = draft.VariantTitle;
        Options = new Dictionary<string, string>(draft.Options);
        ThumbnailUrl = draft.ThumbnailUrl;
        Quantity = draft.Quantity;
        UnitPrice = draft.UnitPrice;
        Subtotal = draft.Subtotal;
        Discount = draft.Discount;
        TaxRateBasisPoints = draft.TaxRateBasisPoints;
        Tax = draft.Tax;
        Total = draft.Total;
        ManageInventory = draft.ManageInventory;
        AllowBackorder = draft.AllowBackorder;
        IsGiftCard = draft.IsGiftCard;
    }

    public string Id { get; private init; } = "";
    public string OrderId { get; private init; } = "";
    public int Position { get; private init; }
    public string VariantId { get; private init; } = "";
    public string ProductId { get; private init; } = "";
    public string Sku { get; private init; } = "";
    public string ProductTitle { get; private init; } = "";
    public string? VariantTitle { get; private init; }
    public Dictionary<string, string> Options { get; private init; } = [];
    public string? ThumbnailUrl { get; private init; }
    public int Quantity { get; private init; }
    public long UnitPrice { get; private init; }
    public long Subtotal { get; private init; }
    public long Discount { get; private init; }
    public int TaxRateBasisPoints { get; private init; }
    public long Tax { get; private init; }
    public long Total { get; private init; }
    public bool ManageInventory { get; private init; }
    public bool AllowBackorder { get; private init; }
    public int RefundedQuantity { get; set; }

    /// <summary>A gift card sold as a product (ADR 9): each fulfilled unit issued a card, listed in <see cref="GiftCards"/>.</summary>
    public bool IsGiftCard { get; private init; }

    /// <summary>The cards issued for this line's units (id and last 4, never the code), as JSON.</summary>
    public string GiftCardsJson { get; private set; } = "[]";

    public IReadOnlyList<OrderLineGiftCard> GiftCards => string.IsNullOrEmpty(GiftCardsJson) ? []
        : JsonSerializer.Deserialize<List<OrderLineGiftCard>>(GiftCardsJson, TimelineEntry.Json) ?? [];

    /// <summary>Refunded units of a gift-card line that never got a card: they are not fulfilled any more.</summary>
    public int RefundedBeforeIssue => IsGiftCard ? Math.Max(RefundedQuantity - GiftCards.Count(c => c.Revoked), 0) : 0;

    public void AddGiftCards(IEnumerable<OrderLineGiftCard> cards) =>
        GiftCardsJson = JsonSerializer.Serialize(GiftCards.Concat(cards).ToList(), TimelineEntry.Json);

    public void MarkRevoked(IReadOnlyCollection<string> giftCardIds) => GiftCardsJson = JsonSerializer.Serialize(
        GiftCards.Select(c => giftCardIds.Contains(c.Id) ? c with { Revoked = true } : c).ToList(), TimelineEntry.Json);

    /// <summary>The part of the line's total (tax and discount included) that <paramref name="quantity"/> units account for.</summary>
    public long ShareOf(int quantity) => quantity == Quantity ? Total : (long)((Int128)Total * quantity / Quantity);
}

/// <summary>A card issued for a unit of a gift-card line; <see cref="Revoked"/> when a refund of the line disabled it.</summary>
internal sealed record OrderLineGiftCard(string Id, string Last4, int Unit, bool Revoked = false);

internal sealed class Fulfillment
{
    private Fulfillment()
    {
    }

    public Fulfillment(string orderId, IReadOnlyList<(string LineId, int Quantity)> items, string? locationId, string? carrier,
        string? trackingNumber, TimeProvider time)
    {
        Id = EntityId.New("ful", time);
        OrderId = orderId;
        LocationId = locationId;
        Carrier = carrier;
        TrackingNumber = trackingNumber;
        CreatedAt = time.GetUtcNow();
        foreach (var group in items.GroupBy(i => i.LineId))
            Lines.Add(new FulfillmentLine { FulfillmentId = Id, LineId = group.Key, Quantity = group.Sum(i => i.Quantity) });
    }

    public string Id { get; private init; } = "";
    public string OrderId { get; private init; } = "";
    public string? LocationId { get; set; }
    public string? Carrier { get; set; }
    public string? TrackingNumber { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? ShippedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public List<FulfillmentLine> Lines { get; private init; } = [];

    public int QuantityOf(string lineId) => Lines.Where(l => l.LineId == lineId).Sum(l => l.Quantity);
}

internal sealed class FulfillmentLine
{
    public string FulfillmentId { get; init; } = "";
    public string LineId { get; init; } = "";
    public int Quantity { get; init; }
}

internal enum ReturnStatus
{
    Requested,
    Received,
}

internal sealed class OrderReturn
{
    private OrderReturn()
    {
    }

    public OrderReturn(string orderId, IReadOnlyList<(string LineId, int Quantity)> items, string? reason, TimeProvider time)
    {
        Id = EntityId.New("oret", time);
        OrderId = orderId;
        Reason = reason;
        CreatedAt = time.GetUtcNow();
        foreach (var group in items.GroupBy(i => i.LineId))
            Lines.Add(new ReturnLine { ReturnId = Id, LineId = group.Key, Quantity = group.Sum(i => i.Quantity) });
    }

    public string Id { get; private init; } = "";
    public string OrderId { get; private init; } = "";
    public string? Reason { get; private init; }
    public ReturnStatus Status { get; set; }
    public bool? Restock { get; set; }
    public long? RefundAmount { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public List<ReturnLine> Lines { get; private init; } = [];

    public int QuantityOf(string lineId) => Lines.Where(l => l.LineId == lineId).Sum(l => l.Quantity);
}

internal sealed class ReturnLine
{
    public string ReturnId { get; init; } = "";
    public string LineId { get; init; } = "";
    public int Quantity { get; init; }
}

internal sealed class OrderRefund
{
    private OrderRefund()
    {
    }

    public OrderRefund(string orderId, long amount, string? reason, IReadOnlyList<(string LineId, int Quantity)> items, string? returnId,
        string actor, TimeProvider time)
    {
        Id = EntityId.New("oref", time);
        OrderId = orderId;
        Amount = amount;
        Reason = reason;
        Items = items.Count == 0 ? null
            : JsonSerializer.Serialize(items.Select(i => new RefundItem(i.LineId, i.Quantity)).ToList(), TimelineEntry.Json);
        ReturnId = returnId;
        Actor = actor;
        CreatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string OrderId { get; private init; } = "";
    public long Amount { get; private init; }
    public string? Reason { get; private init; }

    /// <summary>The refunded lines and quantities as JSON, when the refund was made by line.</summary>
    public string? Items { get; private init; }

    public string? ReturnId { get; private init; }
    public string Actor { get; private init; } = "";
    public DateTimeOffset CreatedAt { get; private init; }

    public IReadOnlyList<RefundItem> ItemList =>
        Items is null ? [] : JsonSerializer.Deserialize<List<RefundItem>>(Items, TimelineEntry.Json) ?? [];
}

internal sealed record RefundItem(string LineId, int Quantity);

/// <summary>One change of an order: when, who (an admin key id, <c>system</c> or <c>customer</c>), what.</summary>
internal sealed class TimelineEntry
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TimelineEntry()
    {
    }

    public TimelineEntry(string orderId, string actor, string kind, string message, DateTimeOffset at, string? data, TimeProvider time)
    {
        Id = EntityId.New("otl", time);
        OrderId = orderId;
        Actor = actor;
        Kind = kind;
        Message = message;
        At = at;
        Data = data;
    }

    public string Id { get; private init; } = "";
    public string OrderId { get; private init; } = "";
    public DateTimeOffset At { get; private init; }
    public string Actor { get; private init; } = "";
    public string Kind { get; private init; } = "";
    public string Message { get; private init; } = "";
    public string? Data { get; private init; }
}

/// <summary>
/// The last order number given out on SQLite, incremented in the placing transaction. PostgreSQL numbers orders from the
/// sequence <c>orders_number_seq</c> instead (started from this row by the migration that created it).
/// </summary>
internal sealed class OrderCounter
{
    public const string OrderNumbers = "order_number";
    public const long Start = 1000;

    public string Name { get; init; } = "";
    public long Value { get; init; }
}
