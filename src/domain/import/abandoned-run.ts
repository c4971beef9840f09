/** How long a run on another host may go on before a starting server calls it abandoned. */
export const FOREIGN_RUN_MAX_MS = 6 * 60 * 60 * 1000;

/** The process running an import, as stored in `import_runs.runner`. */
export interface Runner {
  host: string;
  pid: number;
}

/** `host:pid` of a runner. */
export function runnerText(r: Runner): string {
  return `${r.host}:${r.pid}`;
}

/** The runner stored as `host:pid`, or undefined for none or an unreadable value. */
export function parseRunner(text: string | null): Runner | undefined {
  if (!text) return undefined;
  const at = text.lastIndexOf(':');
  const pid = Number(text.slice(at + 1));
  if (at <= 0 || !Number.isInteger(pid) || pid <= 0) return undefined;
  return { host: text.slice(0, at), pid };
}

/**
 * Whether a run still marked running was abandoned by its process, seen from a server starting
 * on `here.host`: a run of an unknown runner (older versions), or of a process on this host that
 * is no longer alive, was; a run of another host is judged by its age alone, since its process
 * cannot be asked.
 */
export function isAbandonedRun(
  run: { runner: string | null; startedAt: string },
  here: { host: string; now: Date; alive: (pid: number) => boolean },
): boolean {
  const r = parseRunner(run.runner);
  if (!r) return true;
  if (r.host === here.host) return !here.alive(r.pid);
  return here.now.getTime() - Date.parse(run.startedAt) > FOREIGN_RUN_MAX_MS;
}
