// Base class of every simcore widget (custom element). It owns the parts all
// demos share: state from attributes through the schema's allow-list, a
// `change` event carrying the state, URL-hash (de)serialisation for pages,
// the interface language, and a shadow root so a slide deck's CSS cannot
// break the widget (and the widget's CSS cannot leak out).
import { checkValue, defaults, fromHash, readFields, toHash } from './state.mjs';
import { onLangChange, t, translate } from './i18n.mjs';

/** Tiny DOM builder: text through textContent only, never markup. */
export function h(tag, props = {}, children = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of [].concat(children)) if (c !== null && c !== undefined) el.append(c);
  return el;
}

// One constructed stylesheet per CSS text, shared by every widget of a kind.
// Adopted sheets are not inline styles, so a Content-Security-Policy without
// 'unsafe-inline' in style-src lets them apply (a <style> element would be
// blocked); browsers without adoptedStyleSheets get a <style> element.
const sheets = new Map();

/** Style a shadow root with `css` (idempotent: a rebuilt widget adopts it once). */
export function adoptStyle(root, css) {
  if (!('adoptedStyleSheets' in root) || typeof CSSStyleSheet.prototype.replaceSync !== 'function') {
    root.append(h('style', { text: css }));
    return;
  }
  if (!sheets.has(css)) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  const sheet = sheets.get(css);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

const MIN_BOX = 150; // px: the smallest height taken as a box to fit

// Field values are numbers, strings, booleans or (points fields) arrays of [x, y].
const same = (a, b) => a === b || (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b));

export class SimcoreElement extends HTMLElement {
  /** Subclasses define: static schema = { name: { type, min, max, default, choices } }. */
  // HTML lower-cases attribute names (imageSize -> imagesize); getAttribute
  // matches either way, but observedAttributes must list the lower-case form.
  static get observedAttributes() {
    return Object.keys(this.schema).map((k) => k.toLowerCase());
  }

  constructor() {
    super();
    this._state = defaults(this.constructor.schema);
    this.attachShadow({ mode: 'open' });
    this._built = false;
    this.ready = new Promise((resolve) => { this._resolveReady = resolve; });
  }

  connectedCallback() {
    if (!this._built) {
      Object.assign(this._state, readFields(this.constructor.schema, (n) => this.getAttribute(n)));
      this._built = true;
      this.build(this.shadowRoot);
      // Keys pressed in a widget's controls belong to the widget: a slide
      // deck (reveal.js) sees shadow-DOM events retargeted to the host, not
      // an <input>, and would turn the page on every arrow key.
      this.shadowRoot.addEventListener('keydown', (e) => {
        if (e.target !== this.shadowRoot && e.target.closest?.('input, select, button, textarea')) e.stopPropagation();
      });
      translate(this.shadowRoot);
      this.oneLanguageControl();
      this.watchBox();
      this._offLang = onLangChange(() => {
        translate(this.shadowRoot);
        this.relabel?.();
      });
      this.start();
    }
  }

  disconnectedCallback() {
    // Elements can be moved in the DOM (connected again), so keep the build;
    // only listeners on window would leak, and only when really removed.
    queueMicrotask(() => {
      if (!this.isConnected) {
        this._offLang?.();
        this._intersection?.disconnect();
        this._boxObserver?.disconnect();
        cancelAnimationFrame(this.frame); // a render scheduled just before removal
        this.frame = 0;
        this._built = false;
        this.shadowRoot.replaceChildren();
        this.stop?.();
      }
    });
  }

  attributeChangedCallback(attr, _old, text) {
    if (!this._built || text === null) return;
    const name = Object.keys(this.constructor.schema).find((k) => k.toLowerCase() === attr);
    if (!name) return;
    const parsed = readFields({ [name]: this.constructor.schema[name] }, () => text);
    if (name in parsed) this.setState(parsed);
  }

  /**
   * One language control per page: a page (or deck) with its own switch marks
   * it data-simcore-lang, and the widgets' own buttons step aside; a widget
   * embedded alone keeps its button.
   */
  oneLanguageControl() {
    const own = this.shadowRoot.querySelector('header button.lang');
    if (own) own.hidden = document.querySelector('[data-simcore-lang]') !== null;
  }

  /**
   * A widget fits the box it is given. When the page sets the element's height
   * (CSS height, a flex or grid cell), the host becomes a size container
   * (attribute data-box) and the widget's stylesheet lays its panels out to
   * that width and height; otherwise it sizes by width as a block of the page.
   * The test: under size containment an auto height collapses to zero. A
   * height under MIN_BOX (a flex row stretching the widget to a line of text)
   * is no box a widget can use: it then sizes by width.
   */
  watchBox() {
    if (typeof ResizeObserver === 'undefined') return;
    const check = () => {
      this.setAttribute('data-box', '');
      if (this.getBoundingClientRect().height < MIN_BOX) this.removeAttribute('data-box');
    };
    this._boxObserver = new ResizeObserver(check);
    this._boxObserver.observe(this);
  }

  /**
   * Start computing (workers, wasm) only once the widget is on screen: a slide
   * deck loads every widget but shows one slide. Subclasses call this from
   * start(). `visible`: seen at least once (the first render waits for it);
   * `onScreen`: now. The optional hook onScreenChanged() runs on every change.
   */
  watchVisibility() {
    this.visible = typeof IntersectionObserver === 'undefined';
    this.onScreen = this.visible;
    if (this.visible) return;
    this._intersection = new IntersectionObserver((entries) => {
      this.onScreen = entries[entries.length - 1].isIntersecting;
      if (this.onScreen && !this.visible) {
        this.visible = true;
        this.schedule();
      }
      this.onScreenChanged?.();
    });
    this._intersection.observe(this);
  }

  /** Render on the next animation frame: one render per frame, the latest state wins. */
  schedule() {
    if (this.frame || !this.visible || !this.els) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render().catch((err) => this.fail(err));
    });
  }

  /** A failed render shows its message in the widget's timing line (and the console). */
  fail(err) {
    this.els.timing.textContent = `${t('status.error')}: ${err?.message ?? err}`;
    this.els.timing.classList.add('error');
    console.error(err);
  }

  /** A copy of the current state. */
  get state() {
    return structuredClone(this._state);
  }

  /**
   * Merge valid fields of `partial`; unknown names and invalid values are
   * ignored. Fires `change` once when anything changed (unless quiet).
   */
  setState(partial, { quiet = false } = {}) {
    const schema = this.constructor.schema;
    const changed = [];
    for (const [k, v] of Object.entries(partial ?? {})) {
      // Own keys only: 'constructor', 'toString' or '__proto__' are not fields.
      if (!Object.hasOwn(schema, k)) continue;
      const field = schema[k];
      const ok = checkValue(field, v);
      if (ok === undefined || same(this._state[k], ok)) continue;
      this._state[k] = ok;
      changed.push(k);
    }
    if (changed.length && this._built) {
      this.stateChanged(changed);
      if (!quiet) this.dispatchEvent(new CustomEvent('change', { detail: this.state, bubbles: true }));
    }
    return changed;
  }

  /** The state as URL-hash text (`lambda=8&theta=0.79`). */
  toHash() {
    return toHash(this.constructor.schema, this._state);
  }

  /** Apply a URL hash: known fields with valid values only; returns the names applied. */
  applyHash(hash) {
    return this.setState(fromHash(this.constructor.schema, hash));
  }
}
