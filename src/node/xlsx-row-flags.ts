/**
 * The rows and columns a worksheet hides, read off its XML as exceljs's streaming reader parses it: that reader
 * keeps a row's number but drops its `hidden` attribute (its README says so), and a filtered or
 * grouped sheet hides rows exactly that way (`<row r="7" hidden="1">`). A row whose height is set to
 * zero (`ht="0"`) is out of sight as well. The sheet's filter range (`<autoFilter ref="A1:E20">`) is
 * kept to say why rows are hidden, and hidden columns (`<col min="3" max="3" hidden="1"/>`, before the rows) to say
 * which cells the sheet does not show.
 *
 * A row's `r` attribute is optional in OOXML (a row without it follows the row before, the first is row 1), and
 * exceljs then numbers the row NaN: so the rows are told apart by their order, each row tag giving its worksheet number
 * and whether it is hidden, taken by the reader in the same order as exceljs yields the rows.
 *
 * The bytes pass through unchanged; each chunk is looked at before it is handed on, so a row's flag
 * is known before exceljs yields the row. Only `<row …>`, `<col …>` and `<autoFilter …>` start tags are read, by
 * `indexOf` on the bytes.
 */

const GT = 0x3e;
const H = 0x68;
const T = 0x74;

/**
 * Whether a row tag has an `h` followed by `i` or `t` (`hidden`, `ht`): most rows have neither, and are passed
 * over without making a string of their tag.
 */
function mayHide(data: Buffer, start: number, end: number): boolean {
  for (let i = start + 4; i < end - 1; i++) {
    if (data[i] === H) {
      const next = data[i + 1];
      if (next === 0x69 || next === T) return true;
    }
  }
  return false;
}

/** Whether the byte after a tag name ends it (whitespace, '/' or '>'), so that `<row` is not `<rowBreaks`. */
function endsName(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === GT;
}

export class RowFlags {
  /** Per row tag seen and not yet taken, in order: its worksheet number times 2, plus 1 when it is hidden. */
  private queue: number[] = [];
  private head = 0;
  /** The worksheet number of the last row tag seen. */
  private last = 0;
  /** Row tags seen without their `r` (exceljs's streaming reader cannot read such a sheet: its cells get no address). */
  unnumbered = 0;
  /** Worksheet columns (1-based) the sheet hides. */
  readonly hiddenColumns: number[] = [];
  /** Set once the first row tag is seen: column tags come before the rows. */
  private inRows = false;
  /** The filter range, once its tag is seen (it follows the rows). */
  filter: string | null = null;
  /** Bytes of a tag cut by a chunk's end, joined to the next chunk. */
  private tail: Buffer | null = null;

  /**
   * The next row exceljs yields (rows are taken in order, one per row tag): its worksheet number and whether the sheet
   * hides it; null if its tag was not seen (not expected: the tag is read before exceljs parses it).
   */
  next(): { number: number; hidden: boolean } | null {
    if (this.head >= this.queue.length) return null;
    const v = this.queue[this.head++];
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    }
    return { number: Math.floor(v / 2), hidden: v % 2 === 1 };
  }

  /** The worksheet's bytes, each chunk read for row tags before it is passed on. */
  async *pass(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
    for await (const chunk of chunks) {
      this.scan(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      yield chunk;
    }
  }

  private scan(chunk: Buffer): void {
    const data = this.tail === null ? chunk : Buffer.concat([this.tail, chunk]);
    this.tail = null;
    let at = 0;
    // The filter's tag follows every row: looked for once per chunk, not once per row.
    let filter = this.filter === null ? data.indexOf('<autoFilter') : -1;
    // Column tags precede the rows: looked for until the first row.
    let col = this.inRows ? -1 : data.indexOf('<col');
    for (;;) {
      const row = data.indexOf('<row', at);
      if (filter !== -1 && filter < at) filter = data.indexOf('<autoFilter', at);
      if (col !== -1 && col < at) col = this.inRows ? -1 : data.indexOf('<col', at);
      let start = row;
      for (const other of [filter, col]) if (other !== -1 && (start === -1 || other < start)) start = other;
      if (start === -1) {
        // A tag name cut by the chunk's end ('<ro', '<autoFil') is kept for the next chunk.
        const last = data.lastIndexOf('<');
        if (last >= at && data.length - last < 12 && data.indexOf(GT, last) === -1) this.tail = Buffer.from(data.subarray(last));
        return;
      }
      const end = data.indexOf(GT, start);
      if (end === -1) {
        this.tail = Buffer.from(data.subarray(start));
        return;
      }
      if (start === filter) this.filterTag(data.toString('latin1', start, end));
      else if (start === col) {
        if (endsName(data[start + 4])) this.colTag(data.toString('latin1', start, end));
      } else if (endsName(data[start + 4])) this.rowTag(data, start, end);
      at = end + 1;
    }
  }

  private rowTag(data: Buffer, start: number, end: number): void {
    this.inRows = true;
    const given = rowNumber(data, start + 4, end);
    if (given === null) this.unnumbered++;
    const number = given ?? this.last + 1;
    this.last = number;
    let hidden = false;
    if (mayHide(data, start, end)) {
      const tag = data.toString('latin1', start, end);
      hidden = /\shidden\s*=\s*["'](1|true)["']/.exec(tag) !== null || /\sht\s*=\s*["']0+(?:\.0+)?["']/.exec(tag) !== null;
    }
    this.queue.push(number * 2 + (hidden ? 1 : 0));
  }

  private colTag(tag: string): void {
    if (!/\shidden\s*=\s*["'](1|true)["']/.test(tag)) return;
    const min = Number(/\smin\s*=\s*["'](\d+)["']/.exec(tag)?.[1] ?? NaN);
    const max = Number(/\smax\s*=\s*["'](\d+)["']/.exec(tag)?.[1] ?? min);
    if (!Number.isInteger(min) || !Number.isInteger(max)) return;
    // A range to the sheet's last column (max 16384) names no more columns than a header can have.
    for (let c = min; c <= Math.min(max, min + 1024); c++) this.hiddenColumns.push(c);
  }

  private filterTag(tag: string): void {
    const c = tag.charCodeAt(11);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x2f && !Number.isNaN(c)) return;
    this.filter = /\sref\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? '';
  }
}

/** The value of a row tag's `r` attribute (bytes `from` … `end`), or null when it has none. */
function rowNumber(data: Buffer, from: number, end: number): number | null {
  for (let i = from; i < end - 2; i++) {
    // ` r=` (any whitespace before it), then a quote.
    if (data[i] === 0x72 && (data[i - 1] === 0x20 || data[i - 1] === 0x09 || data[i - 1] === 0x0a || data[i - 1] === 0x0d)) {
      let j = i + 1;
      while (j < end && (data[j] === 0x20 || data[j] === 0x09 || data[j] === 0x0a || data[j] === 0x0d)) j++;
      if (data[j] !== 0x3d) continue;
      j++;
      while (j < end && (data[j] === 0x20 || data[j] === 0x09 || data[j] === 0x0a || data[j] === 0x0d)) j++;
      if (data[j] !== 0x22 && data[j] !== 0x27) continue;
      let n = 0;
      let digits = 0;
      for (j++; j < end && data[j] >= 0x30 && data[j] <= 0x39; j++, digits++) n = n * 10 + (data[j] - 0x30);
      return digits > 0 ? n : null;
    }
  }
  return null;
}
