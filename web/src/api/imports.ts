import { api, sendFile } from './client';
import type {
  ImportEncoding,
  ImportJob,
  ImportMapping,
  ImportRun,
  ImportTarget,
  SavedMapping,
  StartImportInput,
  UploadPreview,
} from './import-types';

/** The encoding as a query value: 'auto' is the server's default, so it is left out. */
const encodingQuery = (encoding: ImportEncoding) => (encoding === 'auto' ? undefined : encoding);

/** Uploads a file (streamed as the raw body) and returns its preview and suggested mapping. */
export function uploadImportFile(
  file: File,
  encoding: ImportEncoding,
  onProgress?: (sent: number, total: number) => void,
): Promise<UploadPreview> {
  return sendFile('/api/imports/uploads', file, {
    query: { fileName: file.name, encoding: encodingQuery(encoding) },
    ...(onProgress ? { onProgress } : {}),
  });
}

/** Reads an uploaded file again, e.g. with another encoding. */
export function previewUpload(
  uploadId: string,
  fileName: string,
  encoding: ImportEncoding,
): Promise<UploadPreview> {
  return api.get(`/api/imports/uploads/${encodeURIComponent(uploadId)}`, {
    fileName,
    encoding: encodingQuery(encoding),
  });
}

/** Starts a dry run or a commit; poll `getImportJob` until it is no longer running. */
export function startImportJob(input: StartImportInput): Promise<ImportJob> {
  return api.post('/api/imports/jobs', input);
}

export function getImportJob(id: string): Promise<ImportJob> {
  return api.get(`/api/imports/jobs/${encodeURIComponent(id)}`);
}

/** Recent runs, newest first. */
export async function listImportRuns(): Promise<ImportRun[]> {
  return (await api.get<{ items: ImportRun[] }>('/api/imports/runs')).items;
}

/** Where the browser downloads a run's error report or its rejected rows. */
export function importRunFileUrl(runId: number, which: 'errors' | 'rejected'): string {
  return `/api/imports/runs/${runId}/${which}.csv`;
}

export async function listSavedMappings(target: ImportTarget): Promise<SavedMapping[]> {
  return (await api.get<{ items: SavedMapping[] }>('/api/imports/mappings', { target })).items;
}

/** Saves a mapping under a name (replacing one of the same target and name). */
export function saveMapping(name: string, mapping: ImportMapping): Promise<unknown> {
  return api.post('/api/imports/mappings', { name, mapping });
}
