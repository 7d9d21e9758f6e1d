// Sizes the page and the CLI share, so that both choose the same way (issue
// 14 point 3: the CLI streams a file above the same size as the page). No
// imports: the page loads this without the engine.

/**
 * A file or paste larger than this is summarised as a stream (the large-log
 * summary) instead of analysed whole: a whole analysis of a day of a busy
 * server's log takes tens of seconds and gives a report of thousands of
 * refusals, where the summary takes a second and lets one session be picked.
 */
export const LARGE_LOG_BYTES = 4 * 1024 * 1024;

/**
 * The most that is analysed whole: text that is not a log (a message with
 * attachments, a bounce) up to this size is still analysed whole after the
 * summary found no log in it. Larger text is refused with a message.
 */
export const MAX_WHOLE_BYTES = 64 * 1024 * 1024;
