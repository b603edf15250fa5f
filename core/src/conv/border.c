#include <string.h>
#include "conv_internal.h"

int sc_border_index(int p, int len, sc_border border)
{
    if ((unsigned)p < (unsigned)len) return p;
    switch (border) {
    case SC_BORDER_REPLICATE:
        return p < 0 ? 0 : len - 1;
    case SC_BORDER_REFLECT:
    case SC_BORDER_REFLECT101: {
        int delta = border == SC_BORDER_REFLECT101;
        if (len == 1) return 0;
        do {
            if (p < 0)
                p = -p - 1 + delta;
            else
                p = len - 1 - (p - len) - delta;
        } while ((unsigned)p >= (unsigned)len);
        return p;
    }
    case SC_BORDER_WRAP:
        p %= len;
        return p < 0 ? p + len : p;
    default:
        return -1;
    }
}

void sc_pad_image(const float *src, int w, int h, int left, int top, int right,
                  int bottom, sc_border border, float *dst)
{
    const int pw = w + left + right, ph = h + top + bottom;
    for (int y = 0; y < ph; y++) {
        float *row = dst + (size_t)y * pw;
        int sy = sc_border_index(y - top, h, border);
        if (sy < 0) {
            memset(row, 0, sizeof(float) * (size_t)pw);
            continue;
        }
        const float *srow = src + (size_t)sy * w;
        for (int x = 0; x < left; x++) {
            int sx = sc_border_index(x - left, w, border);
            row[x] = sx < 0 ? 0.0f : srow[sx];
        }
        memcpy(row + left, srow, sizeof(float) * (size_t)w);
        for (int x = left + w; x < pw; x++) {
            int sx = sc_border_index(x - left, w, border);
            row[x] = sx < 0 ? 0.0f : srow[sx];
        }
    }
}
