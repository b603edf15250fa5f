/* LeNet-5's fixed tables: Table 1 (which S2 maps each C3 map sees) and
 * the 7 x 12 bitmaps of the RBF codes. */
#include "lenet_internal.h"

/* Table 1 of the paper, as printed: rows S2 maps 0-5, columns C3 maps
 * 0-15, X = connected. */
static const char *const table1[6] = {
    "X...XXX..XXXX.XX",
    "XX...XXX..XXXX.X",
    "XXX...XXX..X.XXX",
    ".XXX..XXXX..X.XX",
    "..XXX..XXXX.XX.X",
    "...XXX..XXXX.XXX",
};

/* The RBF codes: 7-wide, 12-high digit bitmaps drawn for this project
 * ('#' = +1, '.' = -1). The paper's bitmaps (its Fig. 3 shows some) are
 * not reproduced: these only share the idea of stylised digit images. */
static const char *const bitmaps[10] = {
    /* 0 */
    "..###.."
    ".#...#."
    "#.....#"
    "#.....#"
    "#....##"
    "#...#.#"
    "#.#...#"
    "##....#"
    "#.....#"
    "#.....#"
    ".#...#."
    "..###..",
    /* 1 */
    "...#..."
    "..##..."
    ".#.#..."
    "#..#..."
    "...#..."
    "...#..."
    "...#..."
    "...#..."
    "...#..."
    "...#..."
    "...#..."
    "#######",
    /* 2 */
    ".#####."
    "#.....#"
    "......#"
    "......#"
    ".....#."
    "....#.."
    "...#..."
    "..#...."
    ".#....."
    "#......"
    "#......"
    "#######",
    /* 3 */
    ".#####."
    "#.....#"
    "......#"
    "......#"
    ".....#."
    "..###.."
    ".....#."
    "......#"
    "......#"
    "......#"
    "#.....#"
    ".#####.",
    /* 4 */
    "....##."
    "...#.#."
    "..#..#."
    ".#...#."
    "#....#."
    "#....#."
    "#######"
    ".....#."
    ".....#."
    ".....#."
    ".....#."
    ".....#.",
    /* 5 */
    "#######"
    "#......"
    "#......"
    "#......"
    "######."
    "......#"
    "......#"
    "......#"
    "......#"
    "......#"
    "#.....#"
    ".#####.",
    /* 6 */
    "..####."
    ".#....."
    "#......"
    "#......"
    "#.###.."
    "##...#."
    "#.....#"
    "#.....#"
    "#.....#"
    "#.....#"
    ".#...#."
    "..###..",
    /* 7 */
    "#######"
    "......#"
    ".....#."
    ".....#."
    "....#.."
    "....#.."
    "...#..."
    "...#..."
    "..#...."
    "..#...."
    "..#...."
    "..#....",
    /* 8 */
    "..###.."
    ".#...#."
    "#.....#"
    "#.....#"
    ".#...#."
    "..###.."
    ".#...#."
    "#.....#"
    "#.....#"
    "#.....#"
    ".#...#."
    "..###..",
    /* 9 */
    "..###.."
    ".#...#."
    "#.....#"
    "#.....#"
    "#.....#"
    ".#...##"
    "..###.#"
    "......#"
    "......#"
    ".....#."
    "....#.."
    ".###...",
};

uint8_t ln_c3_table[16 * 6];
float ln_rbf_codes[10 * 84];

/* Filled once from the strings above, before any network exists. */
void ln_tables_init(void)
{
    static int done;
    if (done) return;
    uint8_t *t = ln_c3_table;
    float *c = ln_rbf_codes;
    for (int o = 0; o < 16; o++)
        for (int i = 0; i < 6; i++) t[o * 6 + i] = (uint8_t)(table1[i][o] == 'X');
    for (int d = 0; d < 10; d++)
        for (int p = 0; p < 84; p++) c[d * 84 + p] = bitmaps[d][p] == '#' ? 1.0f : -1.0f;
    done = 1;
}
