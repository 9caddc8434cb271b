// SwiftPM drops pkg-config -D flags: define what ncursesw needs for the wide-character API.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

/// COLOR_PAIR is a macro Swift cannot import.
static inline int cn_color_pair(int n) { return COLOR_PAIR(n); }
/// Attribute macros, as functions.
static inline int cn_a_bold(void) { return A_BOLD; }
static inline int cn_a_reverse(void) { return A_REVERSE; }
static inline int cn_a_dim(void) { return A_DIM; }
static inline int cn_a_underline(void) { return A_UNDERLINE; }
/// stdscr is a global of the library; a function keeps Swift 6 concurrency checks quiet.
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
