// The inputs offered by "Try an example": one of each kind an administrator
// pastes (a server log, a bounce, a receiver's refusal, a message's headers).
// The files live in public/examples/ (see its README for where each comes
// from) and are precached by the service worker, so they open offline too.

export interface Example {
  /** File name under ./examples/ (relative to the page, so sub-paths work). */
  file: string;
  /** What the button says. */
  title: string;
}

export const EXAMPLES: readonly Example[] = [
  { file: 'mdaemon-554.log', title: 'MDaemon log: 554 "does not conform to standards"' },
  { file: 'postfix-bounce.eml', title: 'Postfix bounce: unknown user, Gmail wants reverse DNS' },
  { file: 'outlook-5.7.515.log', title: 'Outlook.com refusal: 5.7.515 authentication level' },
  { file: 'outlook-junk-headers.txt', title: 'Headers of a message that went to Junk' },
];
