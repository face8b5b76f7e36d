import type { Money } from "@/api/client";

const digitsCache = new Map<string, number>();

function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** Integer minor units as a decimal number (for JSON-LD and the like). */
export function toDecimal(money: Money): string {
  const digits = minorDigits(money.currency);
  return (money.amount / 10 ** digits).toFixed(digits);
}

export function formatMoney(money: Money | null | undefined, locale = "en-US"): string {
  if (!money) return "";
  const digits = minorDigits(money.currency);
  return new Intl.NumberFormat(locale, { style: "currency", currency: money.currency }).format(money.amount / 10 ** digits);
}

export function formatRange(range: { min: Money; max: Money } | null | undefined): string {
  if (!range) return "";
  return range.min.amount === range.max.amount ? formatMoney(range.min) : `from ${formatMoney(range.min)}`;
}
