/** The fields of a postal address, as a form shows them (values are strings; optional ones may be null). */
export type AddressValues = {
  firstName?: string;
  lastName?: string;
  line1?: string;
  line2?: string | null;
  city?: string;
  postalCode?: string;
  countryCode?: string;
  phone?: string | null;
};

type Props = {
  /** Prefix of each field's id, so several address forms can share a page ("" for the only one). */
  idPrefix: string;
  /** Prefix of each field's name, as the server action reads them (see addressFrom in actions.ts). */
  namePrefix?: string;
  /** The autocomplete section ("shipping", "billing"), or none (an address book entry). */
  section?: "shipping" | "billing";
  /** Whether the browser requires the mandatory fields (line 2 and phone are always optional). */
  required?: boolean;
  values?: AddressValues;
  /** ISO country codes to choose from, and the one chosen when the address has none. */
  countries: string[];
  defaultCountry?: string;
};

const displayNames = new Intl.DisplayNames(["en"], { type: "region" });

/**
 * One address form, used by checkout (delivery and billing) and the account's address book: the same labels, order and
 * autocomplete tokens everywhere. Fields only: the caller gives the form, its grid and its buttons.
 */
export function AddressFields({ idPrefix, namePrefix = "", section, required = true, values = {}, countries, defaultCountry }: Props) {
  const autoComplete = (token: string) => (section ? `${section} ${token}` : token);
  const field = (name: keyof AddressValues, label: string, token: string, mandatory = true, wide = false) => (
    <div className={`field${wide ? " wide" : ""}`}>
      <label htmlFor={`${idPrefix}${name}`}>{label}</label>
      <input
        id={`${idPrefix}${name}`}
        name={`${namePrefix}${name}`}
        autoComplete={autoComplete(token)}
        required={required && mandatory}
        defaultValue={values[name] ?? ""}
      />
    </div>
  );
  return (
    <>
      {field("firstName", "First name", "given-name")}
      {field("lastName", "Last name", "family-name")}
      {field("line1", "Address", "address-line1", true, true)}
      {field("line2", "Apartment, suite (optional)", "address-line2", false, true)}
      {field("city", "City", "address-level2")}
      {field("postalCode", "Postal code", "postal-code")}
      <div className="field">
        <label htmlFor={`${idPrefix}countryCode`}>Country</label>
        <select
          id={`${idPrefix}countryCode`}
          name={`${namePrefix}countryCode`}
          autoComplete={autoComplete("country")}
          defaultValue={values.countryCode ?? defaultCountry ?? countries[0]}
        >
          {countries.map((c) => (
            <option key={c} value={c}>
              {displayNames.of(c) ?? c}
            </option>
          ))}
        </select>
      </div>
      {field("phone", "Phone (optional)", "tel", false)}
    </>
  );
}
