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
