// Is a dropped file an Outlook .msg? Checked before the .msg reader (a large
// library, loaded only when needed) is fetched.

/** The CFB signature (MS-CFB §2.2): D0 CF 11 E0 A1 B1 1A E1. */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isMsgFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && CFB_SIGNATURE.every((b, i) => bytes[i] === b);
}
