/** The fields free text is matched in, as bits; the relevance sort weighs them. */
export const TEXT_FIELDS = {
  title: 1,
  skills: 2,
  asks: 4,
  description: 8,
} as const;

const FIELD_BITS = 4;
const FIELD_MASK = (1 << FIELD_BITS) - 1;

/** The words of a text as search sees them: lower-case runs of letters and digits. */
export function searchWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Which entries have a word that starts with a given prefix, and in which fields:
 * an inverted index over the words of the board, so that free text costs a lookup
 * per query word rather than a scan of every text.
 */
export class TextIndex {
  /** All words, sorted, so that the words with a prefix are one range. */
  private readonly words: string[];
  /** Per word: the entries that have it, as `position << FIELD_BITS | fields`. */
  private readonly postings: Int32Array[];

  constructor(
    private readonly size: number,
    textsOf: (position: number) => Array<[field: number, text: string]>,
  ) {
    const byWord = new Map<string, { list: number[]; last: number }>();
    for (let position = 0; position < size; position++) {
      for (const [field, text] of textsOf(position)) {
        for (const word of searchWords(text)) {
          let postings = byWord.get(word);
          if (!postings) {
            postings = { list: [], last: -1 };
            byWord.set(word, postings);
          }
          if (postings.last === position) {
            postings.list[postings.list.length - 1] |= field;
          } else {
            postings.list.push((position << FIELD_BITS) | field);
            postings.last = position;
          }
        }
      }
    }
    this.words = [...byWord.keys()].sort();
    this.postings = this.words.map(word =>
      Int32Array.from(byWord.get(word)!.list),
    );
  }

  /**
   * For each entry position, the fields in which some word starts with `prefix`
   * (0 when none does).
   */
  match(prefix: string): Uint8Array {
    const fields = new Uint8Array(this.size);
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.words[mid] < prefix) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    for (let w = low; w < this.words.length; w++) {
      if (!this.words[w].startsWith(prefix)) {
        break;
      }
      const list = this.postings[w];
      for (let k = 0; k < list.length; k++) {
        fields[list[k] >> FIELD_BITS] |= list[k] & FIELD_MASK;
      }
    }
    return fields;
  }
}
