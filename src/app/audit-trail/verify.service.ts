import { chainBatch, entryAtSeq, unchainedEntries } from '../../store/audit/audit.repository';
import { chainHash, GENESIS_HASH } from '../../store/audit/chain';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';

/** What is wrong with the first bad entry. */
export type ChainProblemKind =
  /** The entry's fields no longer give its stored hash: it was edited. */
  | 'hash_mismatch'
  /** The entry does not point at the hash of the entry before it. */
  | 'broken_link'
  /** Places in the chain are missing before this entry: entries were deleted. */
  | 'gap'
  /** A row outside the chain: inserted around the application. */
  | 'unchained'
  /** A recorded head (seq and hash) no longer matches: the chain was rewritten. */
  | 'anchor_mismatch';

export interface ChainProblem {
  kind: ChainProblemKind;
  id: number | null;
  seq: number | null;
  message: string;
}

export interface ChainReport {
  ok: boolean;
  /** Entries checked (all of them when ok). */
  entries: number;
  headSeq: number | null;
  headHash: string | null;
  problem: ChainProblem | null;
}

/** A head recorded earlier (printed by verify), checked again later. */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

export interface VerifyOptions {
  batchSize?: number;
  anchors?: ChainAnchor[];
  /** Called after each batch with the entries checked so far. */
  onProgress?: (checked: number) => void;
}

/**
 * Walks the audit chain in batches and reports the first broken entry: recomputes each hash,
 * checks each link to the previous hash and that places follow one another without gaps, then
 * looks for rows outside the chain and checks recorded anchors. Memory stays flat: only one
 * batch is held at a time.
 */
export async function verifyAuditChain(
  deps: Deps,
  ctx: Ctx,
  opts: VerifyOptions = {},
): Promise<ChainReport> {
  requirePermission(ctx, 'audit.read');
  const db = deps.store.db;
  const batchSize = opts.batchSize ?? 2000;
  let prev = GENESIS_HASH;
  let expected = 1;
  let entries = 0;
  const fail = (problem: ChainProblem): ChainReport => ({
    ok: false,
    entries,
    headSeq: expected > 1 ? expected - 1 : null,
    headHash: expected > 1 ? prev : null,
    problem,
  });
  for (;;) {
    const rows = await chainBatch(db, expected - 1, batchSize);
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expected) {
        return fail({
          kind: 'gap',
          id: r.id,
          seq,
          message:
            seq - expected === 1
              ? `entry ${expected} of the chain is missing (found ${seq} next)`
              : `entries ${expected} to ${seq - 1} of the chain are missing`,
        });
      }
      if (r.prev_hash !== prev) {
        return fail({
          kind: 'broken_link',
          id: r.id,
          seq,
          message: `entry ${seq} does not point at the hash of entry ${seq - 1}`,
        });
      }
      const hash = chainHash({ ...r, seq }, prev);
      if (hash !== r.hash) {
        return fail({
          kind: 'hash_mismatch',
          id: r.id,
          seq,
          message: `entry ${seq} (id ${r.id}) was changed after it was written: its hash does not match its content`,
        });
      }
      prev = hash;
      expected += 1;
      entries += 1;
    }
    opts.onProgress?.(entries);
    if (rows.length < batchSize) break;
  }
  const outside = await unchainedEntries(db);
  if (outside.count > 0) {
    return fail({
      kind: 'unchained',
      id: outside.firstId,
      seq: null,
      message: `${outside.count} entr${outside.count === 1 ? 'y is' : 'ies are'} outside the chain (first id ${outside.firstId}): written around the application`,
    });
  }
  for (const a of opts.anchors ?? []) {
    const at = await entryAtSeq(db, a.seq);
    if (!at || at.hash !== a.hash) {
      return fail({
        kind: 'anchor_mismatch',
        id: at?.id ?? null,
        seq: a.seq,
        message: at
          ? `entry ${a.seq} has hash ${at.hash}, not the recorded ${a.hash}: the chain was rewritten`
          : `entry ${a.seq} recorded earlier no longer exists: the chain was cut back`,
      });
    }
  }
  return {
    ok: true,
    entries,
    headSeq: entries > 0 ? expected - 1 : null,
    headHash: entries > 0 ? prev : null,
    problem: null,
  };
}
