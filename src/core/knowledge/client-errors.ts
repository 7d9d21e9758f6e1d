// How mail clients, libraries and applications report a server's reply: the
// words around it tell which SMTP command it answered (a Python
// SMTPRecipientsRefused is a refusal of RCPT TO, a JavaMail
// SMTPSenderFailedException one of MAIL FROM), and some give the reply code
// only in their own words (.NET's "Mailbox unavailable. The server response
// was: …"). One entry per fact, each with its source; the reply finder
// (parse/replies/) reads them.

import type { Stage } from '../types';
import { plainQuotes } from '../text/punctuation';

export interface ClientErrorShape {
  id: string;
  /** Words in the error text around the reply (a class name, the library's message). */
  words: RegExp;
  /** The SMTP stage the reply answered. */
  stage: Stage;
  sources: string[];
}

/**
 * Exception classes and messages that name the command whose reply they
 * carry. Tried in order; the first that matches the error's text decides.
 */
export const CLIENT_ERROR_STAGES: ClientErrorShape[] = [
  // Thunderbird names the command its error followed: errorSendingRcptCommand ("Please check the message
  // recipient … and try again"), errorSendingFromCommand ("Please verify that your email address is correct")
  {
    id: 'thunderbird.rcpt',
    words: /\bPlease check the message recipients? \S/,
    stage: 'rcpt',
    sources: [
      'https://searchfox.org/comm-central/source/mail/locales/en-US/chrome/messenger/messengercompose/composeMsgs.properties (errorSendingRcptCommand)',
    ],
  },
  {
    id: 'thunderbird.mail',
    words: /\bPlease verify that your email address is correct in your account settings\b/,
    stage: 'mail',
    sources: [
      'https://searchfox.org/comm-central/source/mail/locales/en-US/chrome/messenger/messengercompose/composeMsgs.properties (errorSendingFromCommand)',
    ],
  },
  // Python smtplib: sendmail() raises SMTPSenderRefused when MAIL FROM is refused, SMTPRecipientsRefused
  // when every RCPT TO is (a dict recipient → (code, message)), SMTPDataError for DATA or its end
  {
    id: 'python.recipients-refused',
    words: /\bSMTPRecipientsRefused\b/,
    stage: 'rcpt',
    sources: ['https://docs.python.org/3/library/smtplib.html#smtplib.SMTPRecipientsRefused'],
  },
  {
    id: 'python.sender-refused',
    words: /\bSMTPSenderRefused\b/,
    stage: 'mail',
    sources: ['https://docs.python.org/3/library/smtplib.html#smtplib.SMTPSenderRefused'],
  },
  {
    id: 'python.data-error',
    words: /\bSMTPDataError\b/,
    stage: 'end-of-data',
    sources: ['https://docs.python.org/3/library/smtplib.html#smtplib.SMTPDataError'],
  },
  {
    id: 'python.auth-error',
    words: /\bSMTPAuthenticationError\b/,
    stage: 'helo',
    sources: ['https://docs.python.org/3/library/smtplib.html#smtplib.SMTPAuthenticationError'],
  },
  // Jakarta/JavaMail: SMTPAddressFailedException for a refused RCPT TO, SMTPSenderFailedException for MAIL FROM
  {
    id: 'javamail.address-failed',
    words: /\bSMTPAddressFailedException\b|SMTPTransport\.rcptTo\b/,
    stage: 'rcpt',
    sources: ['https://jakarta.ee/specifications/mail/2.1/apidocs/jakarta.mail/org/eclipse/angus/mail/smtp/smtpaddressfailedexception'],
  },
  {
    id: 'javamail.sender-failed',
    words: /\bSMTPSenderFailedException\b|SMTPTransport\.mailFrom\b/,
    stage: 'mail',
    sources: ['https://jakarta.ee/specifications/mail/2.1/apidocs/jakarta.mail/org/eclipse/angus/mail/smtp/smtpsenderfailedexception'],
  },
  // SMTPTransport.sendMessage wraps the refused recipients' replies in SendFailedException("Invalid Addresses")
  // after RCPT TO; an application often prints only that and the nested reply
  {
    id: 'javamail.invalid-addresses',
    words: /\bInvalid Addresses\b/,
    stage: 'rcpt',
    sources: [
      'https://github.com/eclipse-ee4j/angus-mail/blob/master/providers/angus-mail/src/main/java/org/eclipse/angus/mail/smtp/SMTPTransport.java (rcptTo: throw new SendFailedException("Invalid Addresses", …))',
    ],
  },
  {
    id: 'javamail.auth-failed',
    words: /\bAuthenticationFailedException\b/,
    stage: 'helo',
    sources: ['https://jakarta.ee/specifications/mail/2.1/apidocs/jakarta.mail/jakarta/mail/authenticationfailedexception'],
  },
  // HaskellNet (Haskell): sendCommand fails with "cannot execute command <Command>, expected reply code
  // 250, but received <code> <text>", naming the command whose reply it quotes (its DATA carries the
  // message, so the reply is the end of data's)
  {
    id: 'haskellnet.data',
    words: /\bcannot execute command DATA\b/,
    stage: 'end-of-data',
    sources: [
      'https://github.com/qnikst/HaskellNet/blob/master/src/Network/HaskellNet/SMTP.hs (sendCommand: "cannot execute command " ++ show cmd)',
    ],
  },
  {
    id: 'haskellnet.rcpt',
    words: /\bcannot execute command RCPT\b/,
    stage: 'rcpt',
    sources: ['https://github.com/qnikst/HaskellNet/blob/master/src/Network/HaskellNet/SMTP.hs (sendCommand)'],
  },
  {
    id: 'haskellnet.mail',
    words: /\bcannot execute command MAIL\b/,
    stage: 'mail',
    sources: ['https://github.com/qnikst/HaskellNet/blob/master/src/Network/HaskellNet/SMTP.hs (sendCommand)'],
  },
  // .NET System.Net.Mail: the command class that checked the response is in the stack trace
  {
    id: 'dotnet.recipient',
    words: /\bSystem\.Net\.Mail\.RecipientCommand\b|\bSmtpFailedRecipients?Exception\b/,
    stage: 'rcpt',
    sources: ['https://learn.microsoft.com/dotnet/api/system.net.mail.smtpfailedrecipientexception'],
  },
  {
    id: 'dotnet.mail',
    words: /\bSystem\.Net\.Mail\.MailCommand\b/,
    stage: 'mail',
    sources: ['https://github.com/dotnet/runtime/blob/main/src/libraries/System.Net.Mail/src/System/Net/Mail/SmtpCommands.cs'],
  },
  {
    id: 'dotnet.data-stop',
    words: /\bSystem\.Net\.Mail\.DataStopCommand\b/,
    stage: 'end-of-data',
    sources: ['https://github.com/dotnet/runtime/blob/main/src/libraries/System.Net.Mail/src/System/Net/Mail/SmtpCommands.cs'],
  },
  {
    id: 'dotnet.data',
    words: /\bSystem\.Net\.Mail\.DataCommand\b/,
    stage: 'data',
    sources: ['https://github.com/dotnet/runtime/blob/main/src/libraries/System.Net.Mail/src/System/Net/Mail/SmtpCommands.cs'],
  },
  // MailKit: SmtpCommandException's ErrorCode
  {
    id: 'mailkit.recipient',
    words: /\bRecipientNotAccepted\b/,
    stage: 'rcpt',
    sources: ['https://www.mimekit.net/docs/html/T_MailKit_Net_Smtp_SmtpErrorCode.htm'],
  },
  {
    id: 'mailkit.sender',
    words: /\bSenderNotAccepted\b/,
    stage: 'mail',
    sources: ['https://www.mimekit.net/docs/html/T_MailKit_Net_Smtp_SmtpErrorCode.htm'],
  },
  {
    id: 'mailkit.message',
    words: /\bMessageNotAccepted\b/,
    stage: 'end-of-data',
    sources: ['https://www.mimekit.net/docs/html/T_MailKit_Net_Smtp_SmtpErrorCode.htm'],
  },
  // Nodemailer (smtp-connection): the error's message names the step ("Message failed: …" after the data,
  // "Mail command failed: …", "Recipient command failed: …", "Can't send mail - all recipients were rejected: …")
  {
    id: 'nodemailer.message',
    words: /\bMessage failed:|code: 'EMESSAGE'/,
    stage: 'end-of-data',
    sources: ['https://github.com/nodemailer/nodemailer/blob/master/lib/smtp-connection/index.js'],
  },
  {
    id: 'nodemailer.mail',
    words: /\bMail command failed:/,
    stage: 'mail',
    sources: ['https://github.com/nodemailer/nodemailer/blob/master/lib/smtp-connection/index.js'],
  },
  {
    id: 'nodemailer.rcpt',
    words: /\bRecipient command failed:|all recipients were rejected:/,
    stage: 'rcpt',
    sources: ['https://github.com/nodemailer/nodemailer/blob/master/lib/smtp-connection/index.js'],
  },
  {
    id: 'nodemailer.auth',
    words: /\bInvalid login:|code: 'EAUTH'/,
    stage: 'helo',
    sources: ['https://github.com/nodemailer/nodemailer/blob/master/lib/smtp-connection/index.js'],
  },
  // Swift Mailer / Symfony Mailer: "Expected response code 250/251/252 but got code …" is RCPT TO's check,
  // 354 DATA's, 235 AUTH's (Swift_Transport_EsmtpTransport / Symfony SmtpTransport)
  {
    id: 'swift.rcpt',
    words: /Expected response codes? "?250\/251\/252"?/,
    stage: 'rcpt',
    sources: ['https://github.com/symfony/mailer/blob/7.3/Transport/Smtp/SmtpTransport.php'],
  },
  {
    id: 'swift.data',
    words: /Expected response codes? "?354"?/,
    stage: 'data',
    sources: ['https://github.com/symfony/mailer/blob/7.3/Transport/Smtp/SmtpTransport.php'],
  },
  {
    id: 'swift.auth',
    words: /Expected response codes? "?235"?/,
    stage: 'helo',
    sources: ['https://github.com/symfony/mailer/blob/7.3/Transport/Smtp/Auth/LoginAuthenticator.php'],
  },
  // Mattermost's SendMail wraps the reply of each command in its own message: c.Mail → the error id
  // utils.mail.send_mail.from_address.app_error, c.Rcpt → utils.mail.send_mail.to_address.app_error, shown in
  // the UI's language (Spanish: 'Error ajuste "Dirección Desde"', the From address setting)
  {
    id: 'mattermost.mail',
    // (the quotes as a JSON log or a web page writes them: \" and &quot;)
    words: /\bSendMail: Error (?:setting|ajuste) (?:\\?"|&quot;|&#34;)?(?:From Address|Direcci[oó]n Desde)\b/i,
    stage: 'mail',
    sources: [
      'https://github.com/mattermost/mattermost/blob/master/server/channels/utils/mail.go (c.Mail → utils.mail.send_mail.from_address.app_error)',
      'https://github.com/mattermost/mattermost/issues/13652 (the Spanish UI: \'SendMail: Error ajuste "Dirección Desde", 550 Request failed; Mailbox unavailable\')',
    ],
  },
  // PHPMailer: "SMTP Error: The following recipients failed", "MAIL FROM command failed", "DATA END command failed"
  {
    id: 'phpmailer.rcpt',
    words: /following recipients failed|RCPT TO command failed/i,
    stage: 'rcpt',
    sources: ['https://github.com/PHPMailer/PHPMailer/blob/master/language/phpmailer.lang-en.php'],
  },
  {
    id: 'phpmailer.mail',
    words: /\bMAIL FROM (?:command )?failed/i,
    stage: 'mail',
    sources: ['https://github.com/PHPMailer/PHPMailer/blob/master/src/SMTP.php'],
  },
  {
    id: 'phpmailer.data-end',
    words: /\bDATA END command failed|data not accepted/i,
    stage: 'end-of-data',
    sources: ['https://github.com/PHPMailer/PHPMailer/blob/master/src/SMTP.php'],
  },
  {
    id: 'phpmailer.data',
    words: /\bDATA command failed/i,
    stage: 'data',
    sources: ['https://github.com/PHPMailer/PHPMailer/blob/master/src/SMTP.php'],
  },
  // Outlook / Outlook Express / Windows Mail error box: "one of the recipients was rejected by the server"
  // (0x800CCC79, IXP_E_SMTP_REJECTED_RECIPIENTS); the box is translated, its error number is not
  // ("Número de error: 0x800CCC79", "numero di errore: 0x800CCC79"), so the number decides in any language
  {
    id: 'outlook-express.rcpt',
    words: /recipients? (?:was|were) rejected by\s+the server|\b0x800CCC79\b/i,
    stage: 'rcpt',
    sources: ['https://learn.microsoft.com/en-us/previous-versions/troubleshoot/outlook/error-0x800ccc79'],
  },
  // the same box for a refused sender (0x800CCC78, IXP_E_SMTP_REJECTED_SENDER: "the server rejected the sender address")
  {
    id: 'outlook-express.mail',
    words: /server rejected (?:the|your) sender address|\b0x800CCC78\b/i,
    stage: 'mail',
    sources: ['https://learn.microsoft.com/en-us/previous-versions/troubleshoot/outlook/error-0x800ccc78'],
  },
];

/**
 * Checks that name the codes a library expected without naming the command:
 * they narrow the command it had sent to a few, and the reply's own words or
 * code decide among them (parse/replies/find.ts stageOf). Swift Mailer and
 * Symfony Mailer check HELO/EHLO, MAIL FROM and the end of data against 250
 * alone, RCPT TO against 250/251/252 (CLIENT_ERROR_STAGES above), so a
 * refusal under "Expected response code 250" never answered RCPT TO.
 */
export interface ClientErrorCandidates {
  id: string;
  words: RegExp;
  stages: Stage[];
  sources: string[];
}

export const CLIENT_ERROR_CANDIDATES: ClientErrorCandidates[] = [
  {
    id: 'swift.250',
    words: /Expected response codes? "?250"?(?![/\d])/,
    stages: ['helo', 'mail', 'end-of-data'],
    sources: [
      'https://github.com/swiftmailer/swiftmailer/blob/v6.3.0/lib/classes/Swift/Transport/AbstractSmtpTransport.php (doHeloCommand, doMailFromCommand: [250]; doRcptToCommand: [250, 251, 252])',
      'https://github.com/symfony/mailer/blob/7.3/Transport/Smtp/SmtpTransport.php',
    ],
  },
];

/** The commands a library's check leaves possible for the reply it quotes, when it names its expected codes only. */
export function clientErrorCandidates(text: string): Stage[] | undefined {
  return CLIENT_ERROR_CANDIDATES.find((c) => c.words.test(text))?.stages;
}

/**
 * System.Net.Mail's SmtpException message for each status (the SR strings of
 * SmtpStatusCode): the library prints its own sentence, then "The server
 * response was: " and the server's text, often without the code.
 * "Mailbox unavailable." stands for both 450 (MailboxBusy) and 550
 * (MailboxUnavailable), so it gives no code.
 */
export const DOTNET_STATUS_MESSAGES: { message: string; code: number | null }[] = [
  { message: 'Service not available, closing transmission channel.', code: 421 },
  { message: 'Mailbox unavailable.', code: null },
  { message: 'Error in processing.', code: 451 },
  { message: 'Insufficient system storage.', code: 452 },
  { message: 'Client does not have permission to submit mail to this server.', code: 454 },
  { message: 'Syntax error, command unrecognized.', code: 500 },
  { message: 'Syntax error in parameters or arguments.', code: 501 },
  { message: 'Command not implemented.', code: 502 },
  { message: 'Bad sequence of commands.', code: 503 },
  { message: 'Command parameter not implemented.', code: 504 },
  { message: 'The SMTP server requires a secure connection or the client was not authenticated.', code: 530 },
  { message: 'User not local; please try a different path.', code: 551 },
  { message: 'Exceeded storage allocation.', code: 552 },
  { message: 'Mailbox name not allowed.', code: 553 },
  { message: 'Transaction failed.', code: 554 },
];
export const DOTNET_SOURCE = 'https://learn.microsoft.com/dotnet/api/system.net.mail.smtpstatuscode';

/**
 * The client error shape whose words come first in the text: the exception's
 * own class or message, or the top frame of its stack trace (the frames
 * below it name the methods that called it, such as SendMail taking a
 * SmtpFailedRecipientException parameter).
 */
export function clientErrorStage(text: string): ClientErrorShape | undefined {
  let best: { at: number; shape: ClientErrorShape } | undefined;
  // (a program's quotes as it wrote them: a forum or a word processor turns them typographic, one for one)
  const plain = plainQuotes(text);
  for (const c of CLIENT_ERROR_STAGES) {
    const at = plain.search(c.words);
    if (at >= 0 && (!best || at < best.at)) best = { at, shape: c };
  }
  return best?.shape;
}
