// The page's size limits (src/shared/limits.ts: the CLI chooses by the same ones).

export { LARGE_LOG_BYTES as LARGE_FILE_BYTES, MAX_WHOLE_BYTES } from '../shared/limits';
