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
#include <langinfo.h>
#include <string.h>
#include <stdio.h>

/// wcwidth is not visible from `import Glibc`; all column math goes through it.
static inline int cn_wcwidth(wchar_t c) { return wcwidth(c); }
/// KEY_F(n) is a function-like macro Swift cannot import.
static inline int cn_key_f(int n) { return KEY_F(n); }
/// CODESET is an nl_item enum constant; comparing in C keeps the Swift side free of C strings.
static inline int cn_codeset_is_utf8(void) { const char *c = nl_langinfo(CODESET); return c && (strcmp(c, "UTF-8") == 0 || strcmp(c, "utf8") == 0); }
/// stdin/stdout are C globals that Swift 6 rejects as not concurrency-safe; newterm (unlike initscr) returns NULL instead of exiting.
static inline SCREEN *cn_newterm(const char *term) { return newterm(term, stdout, stdin); }
/// A_NORMAL is a macro.
static inline int cn_a_normal(void) { return A_NORMAL; }
/// COLOR_PAIRS is a library global Swift 6 rejects as not concurrency-safe.
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
