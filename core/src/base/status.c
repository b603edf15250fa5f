#include "simcore/status.h"
#include "internal.h"

static const char *const messages[SC_STATUS_COUNT] = {
    [SC_OK] = "ok",
    [SC_ERR_NULL] = "required pointer is NULL",
    [SC_ERR_SIZE] = "size out of range",
    [SC_ERR_RANGE] = "value out of range",
    [SC_ERR_NONFINITE] = "value is not finite",
    [SC_ERR_OPTION] = "unknown option",
    [SC_ERR_NOMEM] = "out of memory",
    [SC_ERR_INTERNAL] = "internal error",
    [SC_ERR_HANDLE] = "invalid or destroyed handle",
    [SC_ERR_OVERFLOW] = "result overflows float32; scale the input down",
};

static const char *last_arg = "";

const char *sc_status_message(int status)
{
    if (status < 0 || status >= SC_STATUS_COUNT) return "unknown status";
    return messages[status];
}

const char *sc_last_error_arg(void) { return last_arg; }

sc_status sc_fail(sc_status status, const char *arg)
{
    last_arg = arg ? arg : "";
    return status;
}

const char *sc_version(void) { return SIMCORE_VERSION; }

int sc_has_simd(void) { return SC_HAVE_SIMD; }
