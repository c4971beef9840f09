import { call, type LoadSession } from './load-client';

/** A customer CSV of `rows` new customers whose codes start with `prefix`. */
export function customerCsv(rows: number, prefix: string): Buffer {
  const provinces = ['广东省', '四川省', '浙江省', '江苏省', '北京市'];
  const lines = ['客户编码,客户名称,客户类型,省份,城市'];
  for (let i = 1; i <= rows; i++) {
    const code = `${prefix}${String(i).padStart(6, '0')}`;
    lines.push(`${code},导入测试客户${code}有限公司,企业,${provinces[i % provinces.length]},`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

interface Preview {
  uploadId: string;
  suggestions: { customers: { header: string; field: string | null }[] };
}

interface Job {
  status: 'queued' | 'running' | 'done' | 'failed';
  error?: unknown;
  result?: { status: string; created?: number };
}

/**
 * Imports `rows` new customers through the API as a user would (upload, suggested mapping,
 * job with valid rows only) and waits for the job. Returns the rows created; throws unless
 * every row was committed.
 */
export async function runImport(s: LoadSession, rows: number, prefix: string): Promise<number> {
  const fileName = `${prefix}.csv`;
  const preview = await call<Preview>(
    s,
    'POST',
    `/api/imports/uploads?fileName=${encodeURIComponent(fileName)}`,
    customerCsv(rows, prefix),
    201,
    'application/octet-stream',
  );
  const mapping = {
    target: 'customers',
    columns: preview.suggestions.customers.map((c) => ({ header: c.header, field: c.field })),
  };
  const { id } = await call<{ id: string }>(
    s,
    'POST',
    '/api/imports/jobs',
    { uploadId: preview.uploadId, fileName, target: 'customers', mapping, mode: 'valid_only' },
    202,
  );
  for (;;) {
    const job = await call<Job>(s, 'GET', `/api/imports/jobs/${id}`);
    if (job.status === 'failed') throw new Error(`import failed: ${JSON.stringify(job.error)}`);
    if (job.status === 'done') {
      if (job.result?.status !== 'committed' || job.result.created !== rows) {
        throw new Error(`import did not commit every row: ${JSON.stringify(job.result)}`);
      }
      return rows;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
