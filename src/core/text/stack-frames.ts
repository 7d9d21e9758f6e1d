// The frames of a program's stack trace, as an application's error pasted whole carries them under its
// message: they name the code that ran (files, line numbers, library versions such as "mail (2.5.4)"),
// never the refusal, so a reader of the error's words skips them. The shapes are the runtimes' own:
//   Java / .NET          "\tat com.sun.mail.smtp.SMTPTransport.rcptTo(SMTPTransport.java:1294)", "   at X.Y() in C:\…\Z.cs:line 42"
//   Node.js              "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)", "    at /app/index.js:10:5"
//   Ruby (and Rails)     "  postmark (1.0.0) lib/postmark/http_client.rb:68:in `handle_response'", "app/models/user.rb:12:in `x'"
//   Python               '  File "/usr/lib/python3.10/smtplib.py", line 255, in __init__'
//   PHP                  "#0 /var/www/vendor/phpmailer/src/PHPMailer.php(1560): PHPMailer->smtpSend()"

const FRAME =
  /^\s*(?:at [\w$.<>[\]`' /\\-]{1,300}\(.{0,300}\)\s*$|at [\w$.<>`-]{1,200}(?:\.[\w$<>`-]{1,200})+\(.{0,300}\)(?: in .{1,300}:line \d+)?\s*$|at (?:async )?\S{1,300}:\d+:\d+\)?\s*$|(?:[\w.-]{1,80} \(\d+(?:\.\d+){1,3}\) )?[\w./-]{1,300}\.rb:\d+:in\s*`|File "[^"]{1,500}", line \d+(?:, in \S+)?\s*$|#\d{1,4} (?:\S{1,300}\(\d+\)|\[internal function\]): )/;

/** Whether a line is a frame of a stack trace (see above), not words of the error. */
export function isStackFrame(line: string): boolean {
  return FRAME.test(line);
}
