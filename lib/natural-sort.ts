// The one order in which Signpost lists things by name: case and accents ignored, numbers by value
// ("prod 2" before "prod 10"), in the browser's language. Both the popup's ranking tie-break and the options
// page's list use it, so an account sits in the same place on both.

// Created once: a Collator is costly to build and cheap to call (about 1 µs a compare here, so sorting
// 20,000 sign-ins takes tens of ms, once per account list, never per keystroke).
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Compares two names in natural order: negative, zero or positive, for Array.prototype.sort. */
export const compareNatural: (a: string, b: string) => number = collator.compare;

/** The locale the collator sorts in (an order worked out in another locale is not this one). */
export const naturalLocale: string = collator.resolvedOptions().locale;
