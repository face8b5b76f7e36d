import type { Money } from "@/api/client";
import { formatMoney, formatRange } from "@/lib/money";

type Range = { min: Money; max: Money };

/**
 * A price, and when a sale applies the original price struck through beside it. Screen readers hear one sentence
 * ("Was $40.00, now $30.00"); the struck-through pair is for the eyes only.
 */
function SaleText({ now, was, className, testId }: { now: string; was: string | undefined; className?: string; testId?: string }) {
  if (!was || was === now)
    return (
      <span className={className} data-testid={testId}>
        {now}
      </span>
    );
  return (
    <span className={`${className ?? ""} on-sale`.trim()} data-testid={testId}>
      <span className="visually-hidden">
        Was {was}, now {now}
      </span>
      <span aria-hidden="true">
        <del className="was">{was}</del> <ins className="now">{now}</ins>
      </span>
    </span>
  );
}

/** One amount (a variant, a cart line's unit price); `original` only when it is higher. */
export function Price({ price, original, className, testId }: { price: Money; original?: Money | null; className?: string; testId?: string }) {
  const onSale = original && original.currency === price.currency && original.amount > price.amount;
  return <SaleText now={formatMoney(price)} was={onSale ? formatMoney(original) : undefined} className={className} testId={testId} />;
}

/** A product's price range (list rows); `original` is the base range when any variant is on sale. */
export function PriceRange({ price, original, className }: { price: Range | null | undefined; original?: Range | null; className?: string }) {
  const onSale = price && original && original.min.currency === price.min.currency && (original.min.amount > price.min.amount || original.max.amount > price.max.amount);
  return <SaleText now={formatRange(price)} was={onSale ? formatRange(original) : undefined} className={className} />;
}
