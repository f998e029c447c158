/**
 * The bytes a server sent for one exchange, kept beside the transport's reading of them: a transport over a
 * connection of its own (`fromUrl`, an in-process Node listener) remembers them for the response it returns, or for
 * the error it throws when Node's parser refused them; each engine then reads them as its own network stack does
 * (src/emulator/raw-response.ts). Kept out of sight, so verdicts and printed exchanges stay as they were. Sits below
 * every layer: it imports nothing of corsproof's.
 */
const RAW = Symbol.for('corsproof.rawBytes');

/** Kept as a property no enumeration, spread or JSON sees (a weak map entry per exchange costs more). */
export function rememberRawBytes(target: object, bytes: Uint8Array): void {
  Object.defineProperty(target, RAW, { value: bytes, configurable: true });
}

export function rawBytesOf(target: unknown): Uint8Array | undefined {
  return typeof target === 'object' && target !== null ? ((target as { [RAW]?: Uint8Array })[RAW]) : undefined;
}
