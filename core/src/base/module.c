/* Which areas this build holds (core/areas.txt): compiled once per build,
 * with SC_MODULE_AREAS set by CMakeLists.txt, so the binding attaches only
 * the functions the module has (bindings/core/load.mjs). */
#include "simcore/status.h"

/* A build without SC_MODULE_AREAS fails to compile here, as it should. */

const char *sc_module_areas(void) { return SC_MODULE_AREAS; }
