// The few host facilities core/ may touch, declared narrowly so that the
// pure-core tsconfig (lib ES2023 only) compiles. They exist alike in
// browsers, workers and Node ≥ 18. Nothing here gives core network or DOM.

interface AbortSignal {
  readonly aborted: boolean;
}

interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare var TextEncoder: { new (): TextEncoder };
interface TextDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare var TextDecoder: { new (label?: string, options?: { fatal?: boolean }): TextDecoder };

declare function btoa(data: string): string;
declare function atob(data: string): string;

// Timers, for the diagnosis' overall DNS deadline (dns/lookup.ts) only.
declare function setTimeout(handler: () => void, ms: number): unknown;
declare function clearTimeout(id: unknown): void;

// WebCrypto, for DKIM verification (RFC 6376 §3.3): only what core uses.
interface CryptoKey {
  readonly type: string;
}
interface SubtleCrypto {
  importKey(
    format: 'raw' | 'spki',
    keyData: Uint8Array,
    algorithm: { name: string; hash?: string },
    extractable: boolean,
    keyUsages: 'verify'[],
  ): Promise<CryptoKey>;
  verify(algorithm: { name: string }, key: CryptoKey, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
  digest(algorithm: 'SHA-256' | 'SHA-1', data: Uint8Array): Promise<ArrayBuffer>;
}
declare var crypto: { readonly subtle: SubtleCrypto };

// WHATWG URL, for IDNA: the A-label (punycode) of an internationalised domain.
interface URL {
  readonly hostname: string;
}
declare var URL: { new (url: string, base?: string): URL };
