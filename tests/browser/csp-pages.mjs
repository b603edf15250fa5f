// Shared by the Content-Security-Policy, injection and churn tests: every
// page of dist/, how to tell it is ready (its widget has drawn), and a
// recorder for policy violations, console errors and requests.

// Each page, the element whose drawing shows it works (null: no widget), and
// the hash that opens it (the deck's third slide holds a widget).
export const PAGES = {
  'index.html': { widget: null },
  'engine.html': { widget: 'simcore-conv' },
  'gabor.html': { widget: 'simcore-gabor' },
  'hopfield.html': { widget: 'simcore-hopfield' },
  'backprop.html': { widget: 'simcore-mlp' },
  'network.html': { widget: 'simcore-network' },
  'boltzmann.html': { widget: 'simcore-boltzmann' },
  'phase-plane.html': { widget: 'simcore-phase-plane' },
  'izhikevich.html': { widget: 'simcore-izhikevich' },
  'hh.html': { widget: 'simcore-hh' },
  'linear3d.html': { widget: 'simcore-linear3d' },
  'gradient.html': { widget: 'simcore-gradient' },
  'lenet.html': { widget: 'simcore-lenet' },
  'kernels.html': { widget: 'simcore-kernels' },
  'examples/embed.html': { widget: 'simcore-gabor' },
  'examples/slides/index.html': { widget: 'section.present simcore-gabor', hash: '#/2' },
};

/** Runs in the page before its own scripts: collect every policy violation. */
export function recordViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
  });
}

/** Console errors, uncaught errors, failed loads and every request of a context. */
export function watch(ctx, p) {
  const seen = { errors: [], requests: [] };
  p.on('console', (m) => { if (m.type() === 'error') seen.errors.push(m.text()); });
  p.on('pageerror', (e) => seen.errors.push(String(e)));
  p.on('requestfailed', (r) => seen.errors.push(`request failed (${r.failure()?.errorText}): ${r.url()}`));
  p.on('response', (r) => { if (r.status() >= 400) seen.errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  // The context sees the workers' requests too. `blocked`: stopped by the
  // policy before anything was sent.
  ctx.on('request', (r) => seen.requests.push({ url: r.url(), method: r.method(), body: r.postData(), request: r }));
  ctx.on('requestfailed', (r) => { const x = seen.requests.find((q) => q.request === r); if (x) x.failure = r.failure()?.errorText; });
  return seen;
}

/**
 * Waits until the page is ready: the gallery's thumbnails, or the widget having drawn a canvas that is not
 * one flat colour.
 */
export async function waitReady(p, page) {
  const { widget } = PAGES[page];
  if (page === 'index.html') {
    await p.waitForFunction(() => document.getElementById('status').textContent.startsWith('simcore')
      && [...document.images].every((im) => im.complete && im.naturalWidth > 0));
  }
  if (widget) await waitDrawn(p, widget);
}

/** Waits until the element's shadow root holds a canvas with at least two colours. */
export async function waitDrawn(p, selector) {
  await p.waitForFunction((sel) => document.querySelector(sel)?.ready.then(() => true), selector);
  await p.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return [...el.shadowRoot.querySelectorAll('canvas')].some((c) => {
      const g = c.width && c.height && c.getContext('2d');
      if (!g) return false;
      const d = g.getImageData(0, 0, c.width, c.height).data;
      for (let i = 4; i < d.length; i += 4) {
        if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2] || d[i + 3] !== d[3]) return true;
      }
      return false;
    });
  }, selector);
}
