// Microsoft 365 (Exchange Online Protection) and Exchange Server anti-spam
// stamps. Meanings are from Microsoft's documentation, restated:
// - learn.microsoft.com/defender-office-365/message-headers-eop-mdo
//   ("Anti-spam message headers": X-Forefront-Antispam-Report, X-Microsoft-Antispam)
// - learn.microsoft.com/defender-office-365/anti-spam-spam-confidence-level-scl-about (SCL)
// - learn.microsoft.com/defender-office-365/anti-spam-bulk-complaint-level-bcl-about (BCL)
// - learn.microsoft.com/exchange/antispam-and-antimalware/antispam-protection/antispam-stamps (PCL, Exchange Server)
// Microsoft notes that fields it does not describe are for its anti-spam
// team's diagnostics; Mailmedic shows them as "not documented".

import type { VerdictField, VerdictHeaderKnowledge } from './types';

const HEADERS_DOC = 'https://learn.microsoft.com/defender-office-365/message-headers-eop-mdo';
const SCL_DOC = 'https://learn.microsoft.com/defender-office-365/anti-spam-spam-confidence-level-scl-about';
const BCL_DOC = 'https://learn.microsoft.com/defender-office-365/anti-spam-bulk-complaint-level-bcl-about';
const STAMPS_DOC = 'https://learn.microsoft.com/exchange/antispam-and-antimalware/antispam-protection/antispam-stamps';

const SCL: VerdictField = {
  key: 'SCL',
  name: 'Spam confidence level',
  meaning:
    'How likely the filter thinks the message is spam: -1 skipped filtering, 0-1 not spam, 5-6 spam, 7-9 high-confidence spam (2-4 are never stamped).',
  values: [
    {
      match: { min: -1, max: -1 },
      level: 'skipped',
      meaning:
        'Spam filtering was skipped (a safe sender, a safe recipient, an IP on the allow list, or a mail flow rule): delivered to the Inbox.',
    },
    { match: { min: 0, max: 1 }, level: 'clean', meaning: 'Spam filtering found the message was not spam: delivered to the Inbox.' },
    {
      match: { min: 2, max: 4 },
      level: 'info',
      meaning: 'A value spam filtering itself never stamps; a mail flow rule or another product set it.',
    },
    {
      match: { min: 5, max: 6 },
      level: 'spam',
      meaning: 'Marked as spam: by default delivered to the Junk Email folder (quarantined under the Strict preset policy).',
      advice:
        'The filter judged the content and the sender together. Fix what the other steps show (authentication, reverse DNS, blocklists) first; then look at the content and the sending pattern. The recipient\'s admin can submit the message to Microsoft as "not junk".',
    },
    {
      match: { min: 7, max: 9 },
      level: 'spam',
      meaning:
        'Marked as high-confidence spam (spam filtering rarely stamps 7 itself: a DMARC failure, an analyst or a mail flow rule can): Junk Email folder or quarantine.',
      advice:
        'Check DMARC first: a DMARC failure under p=quarantine/reject is a common source of a high SCL. Then reputation (blocklists, reverse DNS) and content.',
    },
  ],
};

export const FOREFRONT_ANTISPAM_REPORT: VerdictHeaderKnowledge = {
  id: 'microsoft.forefront-antispam-report',
  header: 'x-forefront-antispam-report',
  filter: 'Microsoft 365 / Exchange Online Protection',
  format: 'pairs',
  meaning: 'How Exchange Online Protection processed the message: the connecting IP it judged, its verdicts and the policy that applied.',
  sources: [HEADERS_DOC, SCL_DOC],
  fields: [
    {
      key: 'ARC',
      name: 'ARC',
      meaning: 'Authenticated Received Chain data (AAR, AMS, AS; the seal carries cv= none, pass or fail).',
    },
    {
      key: 'CAT',
      name: 'Protection policy category',
      meaning: 'The category of threat policy applied to the message.',
      values: [
        { match: 'NONE', level: 'clean', meaning: 'No protection policy category applied.' },
        { match: 'AMP', level: 'malware', meaning: 'Anti-malware.' },
        { match: 'BIMP', level: 'phish', meaning: 'Brand impersonation (Defender for Office 365).' },
        {
          match: 'BULK',
          level: 'bulk',
          meaning: 'Bulk mail: its bulk complaint level (BCL) reached the policy threshold.',
          advice:
            'Receivers treat the sender as a bulk mailer with complaints. Send only to recipients who asked for it, make unsubscribing easy (List-Unsubscribe, RFC 8058 one-click), and keep complaint rates low.',
        },
        { match: 'DIMP', level: 'phish', meaning: 'Domain impersonation (Defender for Office 365).' },
        { match: 'FTBP', level: 'malware', meaning: 'The anti-malware common attachments filter blocked a file type.' },
        { match: 'GIMP', level: 'phish', meaning: 'Mailbox intelligence impersonation (Defender for Office 365).' },
        { match: 'HPHSH', level: 'phish', meaning: 'High-confidence phishing.' },
        { match: 'HPHISH', level: 'phish', meaning: 'High-confidence phishing.' },
        { match: 'HSPM', level: 'spam', meaning: 'High-confidence spam.' },
        { match: 'INTOS', level: 'phish', meaning: 'Intra-organisation phishing.' },
        { match: 'MALW', level: 'malware', meaning: 'Malware.' },
        { match: 'OSPM', level: 'spam', meaning: 'Outbound spam.' },
        { match: 'PHSH', level: 'phish', meaning: 'Phishing.' },
        { match: 'SAP', level: 'malware', meaning: 'Safe Attachments (Defender for Office 365).' },
        { match: 'SPM', level: 'spam', meaning: 'Spam.' },
        {
          match: 'SPOOF',
          level: 'phish',
          meaning: 'Spoofing: the From domain did not authenticate (composite authentication failed).',
          advice:
            'Make the message pass DMARC: sign it with DKIM for the From domain (or align SPF with it), and publish SPF and DKIM records that cover every system that sends as the domain.',
        },
        { match: 'UIMP', level: 'phish', meaning: 'User impersonation (Defender for Office 365).' },
      ],
    },
    {
      key: 'CIP',
      name: 'Connecting IP',
      meaning: 'The IP address that connected to Microsoft 365 — the one its IP reputation and allow/block lists judged.',
    },
    {
      key: 'CTRY',
      name: 'Country/region',
      meaning: 'The source country or region of the connecting IP (not necessarily of the original sender).',
    },
    {
      key: 'DIR',
      name: 'Direction',
      meaning: 'Which way the message travelled.',
      values: [
        { match: 'INB', meaning: 'Inbound.' },
        { match: 'OUT', meaning: 'Outbound.' },
        { match: 'INT', meaning: 'Internal.' },
      ],
    },
    { key: 'H', name: 'HELO name', meaning: 'The HELO/EHLO name the connecting server gave.' },
    {
      key: 'IPV',
      name: 'IP filter verdict',
      meaning: 'The connection filter verdict for the connecting IP.',
      values: [
        { match: 'CAL', level: 'skipped', meaning: 'Spam filtering was skipped: the IP is on the IP Allow List.' },
        { match: 'NLI', level: 'clean', meaning: 'The IP is on no IP reputation list.' },
      ],
    },
    { key: 'LANG', name: 'Language', meaning: 'The language the message is written in, by country code.' },
    { key: 'PTR', name: 'Reverse DNS', meaning: 'The PTR record (reverse DNS name) of the connecting IP, as Microsoft looked it up.' },
    SCL,
    {
      key: 'SFTY',
      name: 'Safety tip',
      meaning: 'The message was identified as phishing and marked with a safety tip.',
      values: [
        { match: '9.19', level: 'phish', meaning: 'Domain impersonation: the sending domain resembles a protected domain.' },
        {
          match: '9.20',
          level: 'phish',
          meaning: "User impersonation: the sender resembles a user of the recipient's organisation or a protected user.",
        },
        {
          match: '9.25',
          level: 'info',
          meaning: 'First contact safety tip: the recipient has not had mail from this sender before (may, but need not, mean phishing).',
        },
      ],
    },
    {
      key: 'SFV',
      name: 'Spam filtering verdict',
      meaning: "Spam filtering's verdict and why.",
      values: [
        {
          match: 'BLK',
          level: 'blocked',
          meaning: "Filtering was skipped and the message blocked: the sender is in the recipient's Blocked Senders list.",
          advice: 'Only the recipient can remove you from their Blocked Senders list; ask them (by another channel) to do so.',
        },
        { match: 'NSPM', level: 'clean', meaning: 'Spam filtering marked the message as not spam; it went to the intended recipients.' },
        { match: 'SFE', level: 'skipped', meaning: "Filtering was skipped: the sender is in the recipient's Safe Senders list." },
        {
          match: 'SKA',
          level: 'skipped',
          meaning: 'Filtering was skipped: the sender is on the allowed senders or domains list of an anti-spam policy.',
        },
        {
          match: 'SKB',
          level: 'blocked',
          meaning:
            "Marked as spam: the sender matched the blocked senders or domains list of the recipient organisation's anti-spam policy.",
          advice: 'The recipient organisation blocked your address or domain in its own policy; only its admin can remove the entry.',
        },
        { match: 'SKI', level: 'info', meaning: 'Filtering was skipped for an internal (intra-organisation) message.' },
        {
          match: 'SKN',
          level: 'skipped',
          meaning: 'Marked as not spam before filtering (e.g. a mail flow rule set SCL -1 or "Bypass spam filtering").',
        },
        { match: 'SKQ', level: 'info', meaning: 'The message was released from quarantine to its recipients.' },
        {
          match: 'SKS',
          level: 'spam',
          meaning: 'Marked as spam before filtering, e.g. by a mail flow rule that set SCL 5-9.',
          advice:
            "A rule of the recipient organisation, not the spam filter, decided; ask the recipient's admin which mail flow rule matched.",
        },
        { match: 'SPM', level: 'spam', meaning: 'Spam filtering marked the message as spam.' },
      ],
    },
    { key: 'SFS', name: 'Spam rules', meaning: 'Internal identifiers of the spam rules that matched (not documented individually).' },
    {
      key: 'SRV',
      name: 'Bulk status',
      meaning: 'Whether spam filtering identified bulk mail.',
      values: [
        {
          match: 'BULK',
          level: 'bulk',
          meaning: 'Identified as bulk mail by its bulk complaint level; with the default policy it is then marked as spam (SCL 6).',
        },
      ],
    },
  ],
};

export const MICROSOFT_ANTISPAM: VerdictHeaderKnowledge = {
  id: 'microsoft.antispam',
  header: 'x-microsoft-antispam',
  filter: 'Microsoft 365 / Exchange Online Protection',
  format: 'pairs',
  meaning: 'Bulk and phishing levels Microsoft 365 gave the message.',
  sources: [HEADERS_DOC, BCL_DOC, STAMPS_DOC],
  fields: [
    {
      key: 'BCL',
      name: 'Bulk complaint level',
      meaning:
        'How likely bulk mail from this sender is to draw complaints. Policies act at a threshold: 7 in the default policy, 6 in Standard, 5 in Strict; at or above it the message goes to Junk.',
      values: [
        { match: { min: 0, max: 0 }, level: 'clean', meaning: 'Not from a bulk sender.' },
        { match: { min: 1, max: 3 }, level: 'info', meaning: 'From a bulk sender that draws few complaints.' },
        {
          match: { min: 4, max: 7 },
          level: 'bulk',
          meaning:
            'From a bulk sender that draws a mixed number of complaints (at or over the Strict/Standard thresholds of 5 and 6; 7 reaches the default).',
          advice:
            'Reduce complaints: mail only people who opted in, honour unsubscribes at once (List-Unsubscribe with one-click), remove inactive addresses.',
        },
        {
          match: { min: 8, max: 9 },
          level: 'bulk',
          meaning: 'From a bulk sender that draws many complaints: over every default threshold, so Junk.',
          advice:
            'Reduce complaints: mail only people who opted in, honour unsubscribes at once (List-Unsubscribe with one-click), remove inactive addresses.',
        },
      ],
    },
    {
      key: 'PCL',
      name: 'Phishing confidence level',
      meaning: 'How likely the content is phishing.',
      values: [
        { match: { min: 0, max: 3 }, level: 'clean', meaning: 'Neutral: the content is not likely phishing.' },
        { match: { min: 4, max: 8 }, level: 'phish', meaning: 'Suspicious: the content is likely phishing.' },
      ],
    },
  ],
};

export const EXCHANGE_SCL: VerdictHeaderKnowledge = {
  id: 'microsoft.organization-scl',
  header: 'x-ms-exchange-organization-scl',
  filter: 'Microsoft Exchange',
  format: 'single',
  meaning: 'The spam confidence level Exchange stamped on the message.',
  sources: [SCL_DOC, STAMPS_DOC],
  fields: [{ ...SCL, key: 'value' }],
};

export const EXCHANGE_PCL: VerdictHeaderKnowledge = {
  id: 'microsoft.organization-pcl',
  header: 'x-ms-exchange-organization-pcl',
  filter: 'Microsoft Exchange',
  format: 'single',
  meaning: 'The phishing confidence level Exchange stamped on the message.',
  sources: [STAMPS_DOC],
  fields: [{ ...MICROSOFT_ANTISPAM.fields[1], key: 'value' }],
};

export const MAILBOX_DELIVERY: VerdictHeaderKnowledge = {
  id: 'microsoft.antispam-mailbox-delivery',
  header: 'x-microsoft-antispam-mailbox-delivery',
  filter: 'Microsoft 365 mailbox',
  format: 'pairs',
  meaning: 'Where the recipient mailbox put the message, after its own junk settings and rules.',
  sources: [
    'https://help.it.ox.ac.uk/examine-junk-mail-delivery (University of Oxford IT: reading Microsoft 365 junk decisions; Microsoft does not document this header)',
  ],
  fields: [
    {
      key: 'dest',
      name: 'Destination folder',
      meaning: 'The folder the mailbox delivered to.',
      values: [
        { match: 'I', level: 'clean', meaning: 'Inbox.' },
        {
          match: 'J',
          level: 'spam',
          meaning: 'Junk Email folder.',
          advice:
            "If the filter verdicts above say not spam, the recipient's own junk settings or blocked senders moved it; ask them to mark it not junk or add you as a safe sender.",
        },
        { match: 'C', level: 'info', meaning: 'A folder chosen by the user (a rule).' },
      ],
    },
    {
      key: 'OFR',
      name: 'Outlook filter result',
      meaning: 'Which mailbox component decided the folder (e.g. CustomRules: a user rule; SpamFilterAuthJ: the junk filter).',
    },
  ],
};

export const MICROSOFT_VERDICTS = [FOREFRONT_ANTISPAM_REPORT, MICROSOFT_ANTISPAM, EXCHANGE_SCL, EXCHANGE_PCL, MAILBOX_DELIVERY];
