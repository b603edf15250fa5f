/* Fuzz target: LeNet-5 networks (lenet.h) through the flat entry points:
 * create with a fuzzed variant, then a little program decoded from the
 * bytes: training passes with fuzzed images, labels (some out of range),
 * counts, rates, batches and losses; predict and evaluate; get/set weights
 * (some non-finite or huge); Table 1, the codes; stale handles.
 * Invariants: every status is a known one; on SC_OK scores are finite (and
 * probabilities in [0, 1] for the modern net, <= 0 for the 1998 net), the
 * confusion matrix sums to the count and its off-diagonal to the errors;
 * a destroyed handle returns SC_ERR_HANDLE. (The IDX reader is JavaScript,
 * bindings/lenet.mjs, covered by tests/wasm/lenet.test.mjs.) */
#include <string.h>
#include "fuzz_input.h"
#include "simcore/lenet.h"

#define MAX_COUNT 3
#define MAX_W     70000

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t img[MAX_COUNT * 784], lab[MAX_COUNT], table[96];
    static float w[MAX_W], scores[MAX_COUNT * 10], codes[840];
    static int32_t conf[100];
    fuzz_in in = fuzz_begin(data, size);
    const int variant = fuzz_int(&in, -1, 2);
    uint32_t id = 0;
    int st = sc_flat_lenet_create(variant, fuzz_u32(&in), &id);
    FUZZ_CHECK(st >= 0 && st < SC_STATUS_COUNT, "status %d", st);
    if (st != SC_OK) {
        FUZZ_CHECK(id == 0 && (variant < 0 || variant > 1), "a failed create returns no handle");
        return 0;
    }
    int nw = 0;
    FUZZ_CHECK(sc_flat_lenet_weight_count(id, &nw) == SC_OK && nw > 0 && nw <= MAX_W, "count %d", nw);
    for (int op = 0; op < 6 && in.at < in.n; op++) {
        const int count = fuzz_size(&in, 1, MAX_COUNT);
        const int c = count >= 1 && count <= MAX_COUNT ? count : 1;
        for (int k = 0; k < c * 784; k++) img[k] = fuzz_u8(&in);
        for (int k = 0; k < c; k++) lab[k] = (uint8_t)(fuzz_u8(&in) % 12);
        switch (fuzz_u8(&in) % 6) {
        case 0: {
            float loss = 0;
            st = sc_flat_lenet_train_epoch(id, img, lab, count, fuzz_float(&in, -0.1f, 0.2f), fuzz_int(&in, -1, 4),
                                           fuzz_int(&in, -1, 3), fuzz_bool(&in) ? &loss : NULL);
            FUZZ_CHECK(st >= 0 && st < SC_STATUS_COUNT, "train status %d", st);
            if (st == SC_OK) FUZZ_CHECK(isfinite(loss), "loss %g", loss);
            break;
        }
        case 1:
            st = sc_flat_lenet_predict(id, img, count, scores, fuzz_bool(&in) ? c * 10 : c * 10 - 1);
            FUZZ_CHECK(st >= 0 && st < SC_STATUS_COUNT, "predict status %d", st);
            if (st == SC_OK)
                for (int k = 0; k < c * 10; k++)
                    FUZZ_CHECK(isfinite(scores[k]) && (variant == 0 ? scores[k] <= 0 : scores[k] >= 0 && scores[k] <= 1),
                               "score %g", scores[k]);
            break;
        case 2: {
            int errors = -1;
            st = sc_flat_lenet_evaluate(id, img, lab, count, conf, fuzz_bool(&in) ? 100 : 99, &errors);
            FUZZ_CHECK(st >= 0 && st < SC_STATUS_COUNT, "evaluate status %d", st);
            if (st == SC_OK) {
                int total = 0, off = 0;
                for (int k = 0; k < 100; k++) {
                    total += conf[k];
                    off += k / 10 != k % 10 ? conf[k] : 0;
                }
                FUZZ_CHECK(total == count && off == errors, "confusion %d %d %d", total, off, errors);
            }
            break;
        }
        case 3:
            FUZZ_CHECK(sc_flat_lenet_get_weights(id, w, nw) == SC_OK, "get");
            if (fuzz_bool(&in)) w[fuzz_int(&in, 0, nw - 1)] = fuzz_bool(&in) ? NAN : 1e30f;
            st = sc_flat_lenet_set_weights(id, w, fuzz_bool(&in) ? nw : nw + 1);
            FUZZ_CHECK(st >= 0 && st < SC_STATUS_COUNT, "set status %d", st);
            break;
        case 4:
            FUZZ_CHECK(sc_flat_lenet_c3_table(table, 96) == SC_OK && sc_flat_lenet_codes(codes, 840) == SC_OK, "tables");
            FUZZ_CHECK(sc_flat_lenet_c3_table(table, 95) == SC_ERR_SIZE && sc_flat_lenet_codes(NULL, 840) == SC_ERR_NULL,
                       "table errors");
            break;
        default: {
            int passes = -1;
            FUZZ_CHECK(sc_flat_lenet_passes(id, &passes) == SC_OK && passes >= 0, "passes %d", passes);
            break;
        }
        }
    }
    FUZZ_CHECK(sc_flat_lenet_destroy(id) == SC_OK, "destroy");
    FUZZ_CHECK(sc_flat_lenet_destroy(id) == SC_ERR_HANDLE && sc_flat_lenet_passes(id, &nw) == SC_ERR_HANDLE, "stale");
    return 0;
}
