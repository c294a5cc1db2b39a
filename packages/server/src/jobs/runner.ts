/**
 * Periodic background work on every app node (no leader election needed: each job takes a
 * PostgreSQL lock for the practice it works on, so nodes share the work without doubling it).
 */
export interface Job {
  name: string;
  intervalMs: number;
  run(): Promise<void>;
}

export interface JobRunner {
  stop(): Promise<void>;
  /** Runs every job once now (the CLI and tests use it). */
  runAll(): Promise<void>;
}

export function startJobs(jobs: Job[], onError: (job: string, error: unknown) => void): JobRunner {
  let stopped = false;
  const running = new Set<Promise<void>>();
  const timers = jobs.map((job) => {
    let busy = false;
    return setInterval(() => {
      if (busy || stopped) return;
      busy = true;
      const p = job
        .run()
        .catch((error: unknown) => onError(job.name, error))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    }, job.intervalMs);
  });
  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...running]);
    },
    async runAll() {
      for (const job of jobs) await job.run();
    },
  };
}
