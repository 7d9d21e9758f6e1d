// Counts as the user's locale writes them. One formatter for the whole
// summary, made when first needed: Number.prototype.toLocaleString makes a
// new one per call, which costs milliseconds each (ICU), and a summary shows
// dozens of counts in the frame it appears.

let format: Intl.NumberFormat | null = null;

export const count = (n: number): string => (format ??= new Intl.NumberFormat()).format(n);
