// Samples this process's memory while a benchmark phase runs; the peaks are what the tables show.
// `work` gets `sample` to call from its progress callbacks as well: the interval only fires when the
// work lets the event loop turn (the projection engine does between batches).
export async function withMemoryPeak(work, intervalMs = 50) {
  const peak = { rss: 0, heapUsed: 0 };
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peak.rss = Math.max(peak.rss, rss);
    peak.heapUsed = Math.max(peak.heapUsed, heapUsed);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  const started = performance.now();
  try {
    const result = await work(sample);
    sample();
    return { result, seconds: (performance.now() - started) / 1000, peakRssMb: peak.rss / 2 ** 20, peakHeapMb: peak.heapUsed / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}
