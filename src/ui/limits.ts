// The page's size limits that several parts of the page share (the largest
// text the page takes whole is MAX_PASTE_BYTES in read-file.ts).

/** Files and pastes above this size are summarised instead of analysed whole. */
export const LARGE_FILE_BYTES = 4 * 1024 * 1024;
