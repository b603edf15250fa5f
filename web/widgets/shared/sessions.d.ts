// Stateful sessions (sessions.mjs, session-host.mjs): the page's API and the
// contract an area's session kind fulfils. docs/architecture.md, "Sessions".

/** A compute lane (compute.mjs): one Web Worker with its own wasm instance, or the page thread. */
export interface Lane {
  /** Resolves once the lane's core is loaded: its build and version. */
  readonly ready: Promise<{ simd: boolean; version: string }>;
  /** 'worker' or 'inline' (the page thread, where workers are unavailable). */
  readonly where: 'worker' | 'inline';
  /** Ends the worker (or, inline, frees the sessions): its sessions are lost. */
  terminate(): void;
}

/**
 * What an area declares in web/widgets/<area>/sessions.mjs:
 * `export const SESSIONS = { kind: SessionKind }`. The functions run in the
 * lane (a worker or the page thread) with that lane's core; whatever they
 * throw reaches the page as the same TypeError/RangeError/Error and message.
 */
export interface SessionKind<Params = unknown, State = unknown, Args = unknown, Frame = unknown, Snapshot = unknown> {
  /** Builds the state, usually holding core handles; throws on bad params (and frees what it made). */
  create(sc: unknown, params: Params): State;
  /** One frame of work. Return the frame, or { frame, transfer } to move ArrayBuffers to the page. */
  step(state: State, args: Args): Frame | { frame: Frame; transfer: ArrayBuffer[] };
  /** Everything at once (weights, a full state); optional. Same return forms as step. */
  snapshot?(state: State): Snapshot | { frame: Snapshot; transfer: ArrayBuffer[] };
  /** Frees the state's core handles; called once, by dispose() or when the page-thread lane ends. */
  dispose?(state: State): void;
}

export interface Session<Args = unknown, Frame = unknown, Snapshot = unknown> {
  /** 'area.kind'. */
  readonly name: string;
  /** Where the state lives: 'worker' or 'inline' (the page thread). */
  readonly where: 'worker' | 'inline';
  /** Disposed or lost (the worker died or the lane was terminated): every later call rejects with Error. */
  readonly closed: boolean;
  /** Calls in flight or queued. */
  readonly busy: boolean;
  /** The kind's step(state, args). Calls on a session run in order; `transfer` moves buffers to the lane. */
  step(args: Args, transfer?: ArrayBuffer[]): Promise<Frame>;
  /** The kind's snapshot(state). */
  snapshot(): Promise<Snapshot>;
  /** Runs the kind's dispose after the calls already made; idempotent. */
  dispose(): Promise<void>;
}

export interface OpenSessionOptions {
  /** The lane to open it in; default: one shared lane per build (sessionLane). */
  lane?: Lane;
  /** Build of the shared lane; default true (SIMD). */
  simd?: boolean;
  /** Use the page-thread shared lane; default false. */
  inline?: boolean;
  /** Buffers in params to move rather than copy. */
  transfer?: ArrayBuffer[];
}

/** Opens a session of `area`'s kind `kind`; rejects with the kind's create() error. */
export function openSession<Args = unknown, Frame = unknown, Snapshot = unknown>(
  area: string, kind: string, params: unknown, options?: OpenSessionOptions): Promise<Session<Args, Frame, Snapshot>>;

/**
 * The shared lane of a build (one worker per page, started on first use; it
 * ends when the last session opened on it closes). openSession retains it.
 */
export function sessionLane(simd?: boolean, options?: { inline?: boolean }): Lane;

export interface DriveOptions<Args, Frame> {
  /** The loop stops when this element leaves the page. */
  element?: Element;
  /** This frame's step arguments, or null for no step this frame. Called only when no step is in flight. */
  args(now: number): Args | null | undefined;
  /** A step's answer (also one in flight at stop(), unless the element left). */
  frame(result: Frame, now: number): void;
  /** Called once when the loop ends; err when a step or a callback threw. */
  done?(err?: unknown): void;
  /** Each step is tracked here until its frame is delivered, so whenIdle() covers a frame in flight at stop(). */
  calls?: { track<T>(promise: Promise<T>): Promise<T> };
}

export interface Driver {
  stop(): void;
  readonly running: boolean;
  readonly inFlight: boolean;
}

/** One step per animation frame, at most one in flight (backpressure). */
export function drive<Args, Frame>(session: Session<Args, Frame>, options: DriveOptions<Args, Frame>): Driver;
