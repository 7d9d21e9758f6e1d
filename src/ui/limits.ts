// The page's size limits, in one place (the state, the file reader and the
// large-log view all use them).

/** Pastes and files above this size are refused in the page with a clear message (the largest the page holds as text). */
export const MAX_PASTE_BYTES = 64 * 1024 * 1024;

/** Files and pastes above this size are summarised instead of analysed whole. */
export const LARGE_FILE_BYTES = 4 * 1024 * 1024;
