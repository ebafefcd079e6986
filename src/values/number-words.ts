/**
 * Numbers written in words, as contracts write them before the figure: "Two Thousand Five Hundred
 * Dollars ($2,500)", "one hundred and twenty (120)". The value is compared with the figure by the
 * checker, so that words and figure that disagree are reported, never one of them chosen silently.
 */
const SMALL: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Readonly<Record<string, bigint>> = { thousand: 1000n, million: 1_000_000n, billion: 1_000_000_000n };

/** The whole number the words say, as a decimal string; null when a word is not a number word. */
export function wordsValue(words: string): string | null {
  const parts = words.toLowerCase().split(/[\s-]+/).filter((w) => w !== '' && w !== 'and');
  if (parts.length === 0) return null;
  let total = 0n;
  let group = 0n;
  for (const w of parts) {
    if (w in SMALL) group += BigInt(SMALL[w]);
    else if (w === 'hundred') group = (group === 0n ? 1n : group) * 100n;
    else if (w in SCALES) {
      total += (group === 0n ? 1n : group) * SCALES[w];
      group = 0n;
    } else return null;
  }
  return (total + group).toString();
}
