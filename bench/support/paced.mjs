// A steady load at a fixed rate (open loop): requests go out at even intervals whatever the answers'
// latency, so requests keep arriving while the service stalls, and each one's wait shows in full.
// autocannon's overallRate is no such load: each connection sends its share of a second as fast as it
// can at the start of that second, then waits. It runs in a worker thread, so that the other load this
// process makes (autocannon on the main thread) cannot hold its timers back.
import http from 'node:http';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

/** One worker for the bench's whole run: its sockets stay open from one `run` to the next. */
export function pacer() {
  const worker = new Worker(new URL(import.meta.url));
  return {
    /** `{ url, method, path, headers, body, rate, duration }` → the figures of one run. */
    run: (options) =>
      new Promise((resolve, reject) => {
        const onMessage = (figures) => {
          worker.off('error', onError);
          resolve(figures);
        };
        const onError = (error) => {
          worker.off('message', onMessage);
          reject(error);
        };
        worker.once('message', onMessage);
        worker.once('error', onError);
        worker.postMessage(options);
      }),
    stop: () => worker.terminate(),
  };
}

if (!isMainThread) {
  // More sockets than a fast service ever keeps busy at once; beyond them requests wait in the agent.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  parentPort.on('message', async (options) => parentPort.postMessage(await paced(options)));

  async function paced({ url, method = 'GET', path, headers = {}, body, rate, duration, timeoutMs = 10_000 }) {
    const { hostname, port } = new URL(url);
    const interval = 1000 / rate;
    const total = Math.round(rate * duration);
    // A service that has fallen a second behind gets no more: its backlog would only grow.
    const maxInFlight = Math.max(rate, 1);
    const latencies = [];
    const lags = [];
    let sent = 0, inFlight = 0, inWindow = 0, non2xx = 0, errors = 0, dropped = 0;
    let allAnswered;
    const answered = new Promise((done) => (allAnswered = done));
    const settle = () => {
      inFlight--;
      if (sent === total && inFlight === 0) allAnswered();
    };
    const start = performance.now();
    const end = start + duration * 1000;
    const send = () => {
      const sentAt = performance.now();
      inFlight++;
      const request = http.request({ agent, hostname, port, method, path, headers, timeout: timeoutMs }, (response) => {
        response.resume();
        response.on('end', () => {
          const now = performance.now();
          if (response.statusCode >= 200 && response.statusCode < 300) {
            latencies.push(now - sentAt);
            if (now <= end) inWindow++;
          } else non2xx++;
          settle();
        });
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => {
        errors++;
        settle();
      });
      request.end(body);
    };
    await new Promise((done) => {
      const tick = () => {
        const now = performance.now();
        const due = Math.min(total, Math.floor((now - start) / interval) + 1);
        for (; sent < due; sent++) {
          const dueAt = start + sent * interval;
          lags.push(now - dueAt);
          if (inFlight >= maxInFlight) dropped++;
          else send();
        }
        if (sent < total) setTimeout(tick, 1);
        else done();
      };
      tick();
    });
    if (inFlight > 0) await answered;
    latencies.sort((a, b) => a - b);
    lags.sort((a, b) => a - b);
    return {
      requested: rate,
      // Answers (2xx) that came within the window, per second of it.
      achieved: inWindow / duration,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? NaN,
      // How late this generator sent (its timers, its CPU), kept out of the latencies: when it is large,
      // the requested rate reached the service in lumps.
      lagP99: percentile(lags, 99),
      answered: latencies.length,
      non2xx,
      errors,
      dropped,
    };
  }
}

function percentile(sorted, p) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
