/**
 * The rows a worksheet hides, read off its XML as exceljs's streaming reader parses it: that reader
 * keeps a row's number but drops its `hidden` attribute (its README says so), and a filtered or
 * grouped sheet hides rows exactly that way (`<row r="7" hidden="1">`). A row whose height is set to
 * zero (`ht="0"`) is out of sight as well. The sheet's filter range (`<autoFilter ref="A1:E20">`) is
 * kept to say why rows are hidden.
 *
 * The bytes pass through unchanged; each chunk is looked at before it is handed on, so a row's flag
 * is known before exceljs yields the row. Only `<row …>` start tags are read (a few hundred bytes in
 * a row of cells), by `indexOf` on the bytes.
 */

const GT = 0x3e;

export class RowFlags {
  /** Worksheet row numbers hidden and not yet asked about. */
  private readonly hidden = new Set<number>();
  /** The filter range, once its tag is seen (it follows the rows). */
  filter: string | null = null;
  /** Bytes of a tag cut by a chunk's end, joined to the next chunk. */
  private tail: Buffer | null = null;

  /** Whether worksheet row `r` is hidden (asked once per row). */
  take(r: number): boolean {
    return this.hidden.delete(r);
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
    for (;;) {
      const row = data.indexOf('<row', at);
      if (filter !== -1 && filter < at) filter = data.indexOf('<autoFilter', at);
      const start = row === -1 ? filter : filter === -1 ? row : Math.min(row, filter);
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
      const tag = data.toString('latin1', start, end);
      if (start === row) this.rowTag(tag);
      else this.filterTag(tag);
      at = end + 1;
    }
  }

  private rowTag(tag: string): void {
    // '<rowBreaks', '<rowFields': other elements.
    const c = tag.charCodeAt(4);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x2f && !Number.isNaN(c)) return;
    const hidden = /\shidden\s*=\s*["'](1|true)["']/.exec(tag) !== null || /\sht\s*=\s*["']0+(?:\.0+)?["']/.exec(tag) !== null;
    if (!hidden) return;
    const r = /\sr\s*=\s*["'](\d+)["']/.exec(tag);
    if (r !== null) this.hidden.add(Number(r[1]));
  }

  private filterTag(tag: string): void {
    const c = tag.charCodeAt(11);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x2f && !Number.isNaN(c)) return;
    this.filter = /\sref\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? '';
  }
}
