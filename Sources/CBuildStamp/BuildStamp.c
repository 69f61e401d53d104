#include "CBuildStamp.h"

// Layout (scripts/package relies on it): the 32-byte marker "LAGOTUI-BUILD-STAMP-V1:" padded
// with '#' to 32 bytes, then 96 bytes of stamp text, NUL-padded. `used` and external linkage
// keep the array whole in .rodata; Swift reads it through the function, never a folded copy.
#define LAGOTUI_STAMP_MARKER "LAGOTUI-BUILD-STAMP-V1:#########"
#define LAGOTUI_STAMP_CAPACITY 96

__attribute__((used)) const char lagotui_build_stamp_area[32 + LAGOTUI_STAMP_CAPACITY] = LAGOTUI_STAMP_MARKER;

const char *lagotui_build_stamp(void) {
    return lagotui_build_stamp_area + 32;
}

int lagotui_build_stamp_capacity(void) {
    return LAGOTUI_STAMP_CAPACITY;
}
