import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../domain/errors';
import { type FitColumns, fitModels } from './clv-fit-models';

/**
 * Worker thread of a large fit: receives the calibration columns, fits both models and posts
 * the result (or the error, with a DomainError's code and details) back, then exits.
 */
parentPort?.once('message', (c: FitColumns) => {
  try {
    parentPort?.postMessage({ ok: true, result: fitModels(c) });
  } catch (e) {
    const error =
      e instanceof DomainError
        ? { code: e.code, message: e.message, details: e.details }
        : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e), details: {} };
    parentPort?.postMessage({ ok: false, error });
  }
});
