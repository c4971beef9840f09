import type { Command } from 'commander';
import { systemCtx } from '../../app/context';
import {
  countByKey,
  ROTATION_SETTING,
  type RotationCheckpoint,
  rotateKeys,
} from '../../app/security/key-rotation.service';
import { readJsonSetting } from '../../store/json-settings.repository';
import { withDeps } from '../with-deps';

function positive(flag: string) {
  return (v: string) => {
    const n = Number.parseInt(v, 10);
    if (!Number.isInteger(n) || n < 1 || String(n) !== v.trim()) {
      throw new Error(`${flag} must be a whole number of at least 1, got "${v}"`);
    }
    return n;
  };
}

/** `tierdesk keys status|rotate`: encryption keys of the personal data at rest. */
export function registerKeyCommands(program: Command): void {
  const keys = program
    .command('keys')
    .description('Encryption keys of personal data (TIERDESK_KEYS, TIERDESK_ACTIVE_KEY)');
  keys
    .command('status')
    .description('Show the active key, how many values each key encrypts and the last rotation')
    .action(async () => {
      await withDeps(async (deps) => {
        console.log(`Active key: ${deps.keyring.activeKeyId}`);
        console.log(`Lookup-hash key: ${deps.keyring.hashKeyId}`);
        const counts = await countByKey(deps);
        const ids = Object.keys(counts).sort();
        if (ids.length === 0) console.log('No encrypted values stored');
        for (const id of ids) console.log(`  ${id}\t${counts[id]} values`);
        const cp = await readJsonSetting<RotationCheckpoint>(deps.store.db, ROTATION_SETTING);
        if (cp) {
          console.log(
            cp.finishedAt
              ? `Last rotation to ${cp.activeKeyId} finished ${cp.finishedAt} (${cp.rotated} values)`
              : `Rotation to ${cp.activeKeyId} interrupted at ${cp.target} after id ${cp.lastId} (${cp.rotated} values so far); run \`tierdesk keys rotate\` to continue`,
          );
        }
      });
    });
  keys
    .command('rotate')
    .description(
      'Re-encrypt every stored value under the active key, in batches; an interrupted run continues where it stopped',
    )
    .option('--batch-size <n>', 'values per transaction', positive('--batch-size'), 500)
    .option(
      '--max-batches <n>',
      'stop after this many batches (run again to continue)',
      positive('--max-batches'),
    )
    .action(async (o: { batchSize: number; maxBatches?: number }) => {
      await withDeps(async (deps) => {
        const tty = process.stderr.isTTY;
        const r = await rotateKeys(deps, systemCtx(), {
          batchSize: o.batchSize,
          ...(o.maxBatches ? { maxBatches: o.maxBatches } : {}),
          onProgress: (p) => {
            const line = `${p.target}: ${p.rotated} values re-encrypted in ${p.batches} batches`;
            if (tty) process.stderr.write(`\r${line}`);
            else process.stderr.write(`${line}\n`);
          },
        });
        if (tty) process.stderr.write('\n');
        const how = r.resumed ? 'continued an interrupted rotation' : 'rotation';
        if (!r.complete) {
          console.log(
            `Stopped after ${r.batches} batches (${r.rotated} values re-encrypted under ${r.activeKeyId}); run \`tierdesk keys rotate\` again to continue`,
          );
          return;
        }
        console.log(
          `Done (${how}): ${r.rotated} values re-encrypted under ${r.activeKeyId}; ${r.remaining} still under another key`,
        );
      });
    });
}
