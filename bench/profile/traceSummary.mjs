// Chromium tracing through the DevTools protocol, for diagnosis: `traced(page, work)` records a
// trace with V8's sampling profiler on every thread of the page's renderer (page and workers),
// and `summarise(events)` prints, per thread, the heaviest functions by self time, and writes the
// trace for chrome://tracing or Perfetto when asked.
import { writeFile } from 'node:fs/promises';

const CATEGORIES = ['devtools.timeline', 'v8', 'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];

export async function traced(page, work, { out } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordContinuously' }, transferMode: 'ReportEvents' });
  let value;
  try {
    value = await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
  }
  if (out) await writeFile(out, JSON.stringify({ traceEvents: events }));
  return { value, events };
}

/** Self time per function per thread from the trace's ProfileChunk samples. */
export function summarise(events, top = 25, under = process.env.UNDER, window = null) {
  const threadNames = new Map();
  for (const e of events) if (e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  const profiles = new Map();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' && e.name !== 'Profile') continue;
    const key = `${e.pid}:${e.id}`;
    let p = profiles.get(key);
    if (!p) profiles.set(key, (p = { thread: `${e.pid}:${e.tid}`, nodes: new Map(), samples: [], deltas: [] }));
    if (e.name === 'Profile') {
      p.startTime = e.args.data.startTime;
      continue;
    }
    const data = e.args.data;
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    p.samples.push(...(data.cpuProfile?.samples ?? []));
    p.deltas.push(...(data.timeDeltas ?? []));
  }
  for (const p of profiles.values()) {
    const parent = new Map();
    for (const n of p.nodes.values()) if (n.parent !== undefined) parent.set(n.id, n.parent);
    const key = (n) => `${n.callFrame.functionName || '(anon)'} ${(n.callFrame.url ?? '').split('/').pop()}:${(n.callFrame.lineNumber ?? 0) + 1}`;
    const self = new Map();
    const total = new Map();
    let busy = 0;
    let clock = p.startTime ?? 0;
    p.samples.forEach((id, i) => {
      const ms = (p.deltas[i] ?? 0) / 1000;
      clock += p.deltas[i] ?? 0;
      if (window && (clock < window[0] || clock > window[1])) return;
      const n = p.nodes.get(id);
      if (!n) return;
      const k = key(n);
      if (k.startsWith('(idle)') || k.startsWith('(program)')) return;
      if (under) {
        let inside = false;
        for (let cur = id; cur !== undefined && !inside; cur = parent.get(cur)) inside = p.nodes.get(cur)?.callFrame.functionName === under;
        if (!inside) return;
      }
      busy += ms;
      self.set(k, (self.get(k) ?? 0) + ms);
      const seen = new Set();
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
        const c = p.nodes.get(cur);
        if (!c) break;
        const ck = key(c);
        if (seen.has(ck)) continue;
        seen.add(ck);
        total.set(ck, (total.get(ck) ?? 0) + ms);
      }
    });
    if (busy < (window ? 1 : 20)) continue;
    console.log(`\n== thread ${threadNames.get(p.thread) ?? ''} ${p.thread}: ${busy.toFixed(0)} ms busy`);
    console.log('  self:');
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
    console.log('  total:');
    for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
  }
}
