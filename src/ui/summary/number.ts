// Counts as the triage view writes them ("12,345"). One formatter for the
// whole view, made when first needed: Number.prototype.toLocaleString makes
// a new one per call, which costs milliseconds each (ICU), and a summary
// shows dozens of counts in the frame it appears.

let format: Intl.NumberFormat | null = null;

export const count = (n: number): string => (format ??= new Intl.NumberFormat('en')).format(n);
