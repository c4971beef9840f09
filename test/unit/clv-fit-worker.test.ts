import { expect, it } from 'vitest';
import { type FitColumns, fitModels } from '../../src/app/clv/clv-fit-models';
import { fitModelsOffThread } from '../../src/app/clv/fit-in-worker';

/** 400 customers with a spread of repeat purchases, recencies, ages and spends. */
function columns(): FitColumns {
  const n = 400;
  const c: FitColumns = {
    x: new Int32Array(n),
    tX: new Float64Array(n),
    T: new Float64Array(n),
    zbar: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const T = 20 + (i % 30);
    const x = i % 7;
    c.x[i] = x;
    c.T[i] = T;
    c.tX[i] = x === 0 ? 0 : T * (((i * 37) % 90) / 100 + 0.05);
    c.zbar[i] = x === 0 ? 0 : 20 + ((i * 13) % 80);
  }
  return c;
}

it('fits the same models in a worker thread as in this one', async () => {
  const c = columns();
  const here = fitModels(c);
  // Threshold 0 sends even this small set to the worker (src/app/clv/clv-fit.worker.mjs).
  const there = await fitModelsOffThread(c, 0);
  expect(there).toEqual(here);
  expect(there.bgnbd).toBeTruthy();
}, 30_000);
