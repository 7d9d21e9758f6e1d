// The own texts of servers that administrators run themselves — Exchange
// Server's receive connectors and transport — with the setting on that server
// that decides them. A refusal in the administrator's own inbound log is often
// their server judging their own device (a copier, an application), so each
// entry says what the receiving side can change, beside what the sender can.

import type { ReplyKnowledge } from './types';

const EXCHANGE_RELAY = 'https://learn.microsoft.com/exchange/mail-flow/connectors/allow-anonymous-relay';

export const ONPREM_REPLIES: ReplyKnowledge[] = [
  {
    id: 'exchange.5.7.54-unable-to-relay',
    sender: 'Exchange Server',
    text: /5\.7\.54\b|Unable to relay recipient in non-accepted domain/i,
    reason: 'norelaying',
    party: 'sender',
    meaning:
      'The Exchange receive connector that took the connection does not let this client send to outside domains: it is anonymous (not logged in) and the connector grants no relay permission. Typical for a copier, scanner or application that sends through Exchange to external addresses.',
    rules: ['smtp.relay-denied'],
    fix: [
      'For a device or application you trust: create a receive connector only for its IP (New-ReceiveConnector -Name "Relay {ip}" -TransportRole FrontendTransport -Custom -Bindings 0.0.0.0:25 -RemoteIPRanges {ip}), give it the Anonymous users permission group, and grant relay: Get-ReceiveConnector "Relay {ip}" | Add-ADPermission -User "NT AUTHORITY\\ANONYMOUS LOGON" -ExtendedRights "Ms-Exch-SMTP-Accept-Any-Recipient".',
      'Or make the client log in: an Exchange mailbox account on the Client Frontend connector, port 587 with STARTTLS.',
    ],
    verify: [
      "From the device's host: swaks --server {server} --from {mailfrom} --to {rcpt} --quit-after RCPT   (expect 250 for the outside recipient)",
    ],
    sources: [EXCHANGE_RELAY],
  },
  {
    id: 'exchange.back-pressure',
    sender: 'Exchange Server',
    text: /Insufficient system resources|back ?pressure/i,
    codes: [421, 451, 452],
    reason: 'systemfull',
    party: 'recipient',
    meaning:
      'The receiving Exchange server is in back pressure: its transport refuses new mail because a resource is short — most often free disk space on the drive of the queue database (mail.que), or memory. Nothing is wrong with the sender.',
    rules: ['smtp.rejected'],
    fix: [
      'On the Exchange server: free disk space on the queue database drive (or move the queue: TransportService config QueueDatabasePath) and check which resource is short: Get-ExchangeDiagnosticInfo -Server <server> -Process EdgeTransport -Component ResourceThrottling.',
      'Senders only wait: their queues retry the 452 by themselves.',
    ],
    verify: ['Get-ExchangeDiagnosticInfo -Process EdgeTransport -Component ResourceThrottling   (every resource at Normal)'],
    transient: true,
    sources: ['https://learn.microsoft.com/exchange/mail-flow/back-pressure'],
  },
  {
    id: 'exchange.530-not-authenticated',
    sender: 'Exchange Server',
    text: /Client was not authenticated|Client not authenticated to send anonymous mail/i,
    reason: 'securityerror',
    party: 'sender',
    meaning:
      'The Exchange receive connector requires clients to log in and this one did not: the connector does not have the Anonymous users permission group (internet mail reaches such a connector and is refused), or a device uses the wrong connector or port.',
    rules: ['smtp.auth-required'],
    fix: [
      'For internet mail: give the connector that listens on port 25 the Anonymous users permission group (Set-ReceiveConnector "<server>\\Default Frontend <server>" -PermissionGroups AnonymousUsers,ExchangeServers,ExchangeLegacyServers).',
      'For a device: configure it to log in (port 587, STARTTLS, a mailbox account), or give it its own anonymous relay connector by IP.',
    ],
    verify: ['Get-ReceiveConnector | ft Name,Bindings,RemoteIPRanges,PermissionGroups -AutoSize'],
    sources: ['https://learn.microsoft.com/exchange/mail-flow/connectors/receive-connectors', EXCHANGE_RELAY],
  },
  {
    id: 'exchange.send-as-denied',
    sender: 'Exchange Server',
    text: /Client does not have permissions to send as this sender|5\.7\.60\b/i,
    reason: 'securityerror',
    party: 'sender',
    meaning: 'The client logged in as one mailbox and sends as another address (MAIL FROM / From:) that the account may not send as.',
    rules: ['smtp.auth-required'],
    fix: [
      'Send with the address of the account that logs in, or grant that account Send As on the other mailbox (Add-RecipientPermission <mailbox> -AccessRights SendAs -Trustee <account>; on-premises: Add-ADPermission -ExtendedRights "Send As").',
    ],
    verify: [],
    sources: ['https://learn.microsoft.com/exchange/recipients/mailbox-permissions'],
  },
  {
    id: 'sendmail.sender-domain',
    sender: 'sendmail (check_mail) and others',
    text: /Domain of sender address \S+ does not (?:exist|resolve)|Sender domain must (?:exist|resolve)|sender domain (?:does not|doesn't) resolve/i,
    reason: 'rejected',
    party: 'sender',
    meaning:
      'The receiver looked up the domain of the envelope sender (MAIL FROM) and found no MX or A record ("does not exist"), or could not get an answer ("does not resolve", a temporary 451: the domain\'s name servers did not answer).',
    rules: ['smtp.sender-invalid'],
    sources: [
      'sendmail cf/README, check_mail ("Domain of sender address … does not exist / does not resolve")',
      "RFC 3463 §3.2 (X.1.8 Bad sender's system address)",
    ],
  },
];
