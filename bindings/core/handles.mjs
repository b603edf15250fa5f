// Stateful core objects (a Hopfield network today; networks to train next)
// are handles in the core's pool (core/src/base/pool.h). On the JS side each
// is one object with dispose(): `handle(kind, id, destroy)` keeps the id,
// refuses use after dispose with an Error naming the method, and frees
// objects a caller forgot to dispose when they are collected (the
// FinalizationRegistry is only a safety net: collection may come late or
// never). A stale id is harmless there: the core answers "bad handle".
const registries = new Map();

function registryFor(destroy) {
  if (typeof FinalizationRegistry !== 'function') return null;
  if (!registries.has(destroy)) registries.set(destroy, new FinalizationRegistry((id) => destroy(id)));
  return registries.get(destroy);
}

/**
 * A handle's lifetime: `live(method)` returns the name for messages
 * (`${kind}.${method}`) or throws once disposed; `attach(obj)` registers the
 * public object for the safety net; `dispose()` frees the core object once.
 */
export function handle(kind, id, destroy) {
  const token = {};
  const registry = registryFor(destroy);
  return {
    get id() { return id; },
    get disposed() { return id === 0; },
    live(method) {
      const name = `${kind}.${method}`;
      if (id === 0) throw new Error(`${name}: this ${kind === 'hopfield' ? 'network' : kind} was disposed`);
      return name;
    },
    attach(obj) {
      registry?.register(obj, id, token);
      return obj;
    },
    dispose() {
      if (id === 0) return;
      registry?.unregister(token);
      destroy(id);
      id = 0;
    },
  };
}
