/* ncursesw for Swift 6: enables the wide-character API (SwiftPM drops pkg-config's
 * -D_XOPEN_SOURCE) and wraps what Swift cannot import or rejects in strict concurrency:
 * global mutable variables (stdscr, LINES, COLS, COLORS), attribute and ACS macros, getmaxyx. */
#ifndef LAGOTUI_CNCURSESW_SHIM_H
#define LAGOTUI_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>

static inline WINDOW *tui_stdscr(void) { return stdscr; }
static inline int tui_lines(void) { return LINES; }
static inline int tui_cols(void) { return COLS; }
static inline int tui_colors(void) { return COLORS; }
static inline int tui_color_pairs(void) { return COLOR_PAIRS; }
static inline int tui_escdelay_set(int ms) { return set_escdelay(ms); }

static inline attr_t tui_a_normal(void) { return A_NORMAL; }
static inline attr_t tui_a_bold(void) { return A_BOLD; }
static inline attr_t tui_a_dim(void) { return A_DIM; }
static inline attr_t tui_a_reverse(void) { return A_REVERSE; }
static inline attr_t tui_a_underline(void) { return A_UNDERLINE; }
static inline attr_t tui_a_italic(void) {
#ifdef A_ITALIC
    return A_ITALIC;
#else
    return A_NORMAL;
#endif
}
static inline attr_t tui_a_standout(void) { return A_STANDOUT; }
static inline int tui_color_pair(int n) { return COLOR_PAIR(n); }

static inline void tui_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }

static inline const cchar_t *tui_wacs_hline(void) { return WACS_HLINE; }
static inline const cchar_t *tui_wacs_vline(void) { return WACS_VLINE; }
static inline const cchar_t *tui_wacs_ulcorner(void) { return WACS_ULCORNER; }
static inline const cchar_t *tui_wacs_urcorner(void) { return WACS_URCORNER; }
static inline const cchar_t *tui_wacs_llcorner(void) { return WACS_LLCORNER; }
static inline const cchar_t *tui_wacs_lrcorner(void) { return WACS_LRCORNER; }

static inline mmask_t tui_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t tui_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t tui_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t tui_button5_pressed(void) {
#ifdef BUTTON5_PRESSED
    return BUTTON5_PRESSED;
#else
    return 0;
#endif
}
static inline mmask_t tui_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
#endif
