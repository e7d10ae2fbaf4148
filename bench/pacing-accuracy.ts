import type { BenchServer } from './bench-server';
import { startServiceClient } from './bench-clients';

/** The rate Zixflow saw while one number was paced at `targetPerSecond`. */
export interface PacingAccuracy {
  targetPerSecond: number;
  requests: number;
  seconds: number;
  achievedPerSecond: number;
  errorPct: number;
}

/**
 * Sends `seconds` worth of messages through `sendMany` with `rateLimit.perSecond` set and measures
 * the rate at the server: (requests - 1) over the time from the first to the last arrival.
 */
export async function measurePacing(
  server: BenchServer,
  targetPerSecond: number,
  seconds: number,
): Promise<PacingAccuracy> {
  const service = await startServiceClient(server.url, { rateLimit: { perSecond: targetPerSecond } });
  try {
    await server.command({ command: 'reset' });
    await service.sendMany(targetPerSecond * seconds + 1, 64);
    const stats = await server.command({ command: 'stats' });
    const measuredSeconds = (stats.lastAtMs - stats.firstAtMs) / 1000;
    const achievedPerSecond = (stats.requests - 1) / measuredSeconds;
    return {
      targetPerSecond,
      requests: stats.requests,
      seconds: measuredSeconds,
      achievedPerSecond,
      errorPct: ((achievedPerSecond - targetPerSecond) / targetPerSecond) * 100,
    };
  } finally {
    await service.close();
  }
}
