/**
 * The 32-bit hash of ledger ids by which pass 1 names the ids that may repeat (and a portfolio its
 * sellers) to pass 2: FNV-1a over the UTF-16 code units, then murmur3's finalizer to spread
 * sequential ids ("T1", "T2", …). id-index.ts computes it inside its 53-bit `idHash`.
 */
export function hashId(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/**
 * murmur3's 32-bit finalizer (fmix32): every input bit affects every output bit. Returns an
 * unsigned 32-bit integer. Small enough for V8 to inline into the per-row hash loops.
 */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
