/**
 * Ping every socket each interval; one that has not answered the previous ping is terminated
 * (a half-open TCP connection would otherwise keep its room loaded for ever). The timer is
 * unref'd so it never keeps the process alive by itself, and stopped by close().
 */
export function startHeartbeat(intervalMs: number, sockets: () => Iterable<{ ping(): void }>): () => void {
  const timer = setInterval(() => {
    for (const s of sockets()) s.ping();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
