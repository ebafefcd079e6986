/**
 * The memory that the customer tables of one run share before they spill to scratch files. One
 * contract's table has the whole of it; a portfolio's contracts each have a table, so each gets a
 * share (never less than a floor, so that a portfolio of thousands of small contracts does not spill
 * every name): the names held in memory, and the partitions and blocks of their spills, are bounded
 * by the number of tables, never by the number of customers.
 */

/** Names held in memory by all the tables together: about 2 MB of tables. */
export const SPILL_AT = 1 << 15;
/** The fewest names a table of many holds before it spills. */
const MIN_SPILL_AT = 1 << 10;
/** Partitions of one table's spill (each folded on its own at the end of pass 1). */
const PARTITION_BITS = 7;
/** The fewest partitions of a table of many: its names are a share of the ledger's, so its partitions are few. */
const MIN_PARTITION_BITS = 3;
/** Bytes a partition collects before it is appended to the file: 4 MB of blocks for one table. */
const BLOCK = 32 * 1024;
/** Bytes of blocks all the tables' spills hold together. */
const BLOCKS_BYTES = (1 << PARTITION_BITS) * BLOCK;
const MIN_BLOCK = 1024;

export class SpillBudget {
  private tables = 0;

  /** A table joins the budget; every table joins before the first row is read. */
  join(): void {
    this.tables++;
  }

  /** Names one table holds before it spills. */
  get spillAt(): number {
    return Math.max(MIN_SPILL_AT, Math.floor(SPILL_AT / Math.max(1, this.tables)));
  }

  /** Partition bits of one table's spill: 2^7 for one table, fewer for a share. */
  get partitionBits(): number {
    return Math.max(MIN_PARTITION_BITS, PARTITION_BITS - Math.ceil(Math.log2(Math.max(1, this.tables))));
  }

  /** Bytes of one partition's block: the tables' blocks together stay within BLOCKS_BYTES (above a floor). */
  get block(): number {
    const share = BLOCKS_BYTES / (Math.max(1, this.tables) * (1 << this.partitionBits));
    let block = MIN_BLOCK;
    while (block * 2 <= Math.min(BLOCK, share)) block *= 2;
    return block;
  }
}

/** The budget of a table alone. */
export const ALONE = { spillAt: SPILL_AT, partitionBits: PARTITION_BITS, block: BLOCK };
