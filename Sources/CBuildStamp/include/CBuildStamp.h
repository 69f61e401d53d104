#ifndef LAGOTUI_CBUILDSTAMP_H
#define LAGOTUI_CBUILDSTAMP_H

/// The build stamp: `scripts/package` overwrites the bytes after the marker in the linked
/// binary with `commit=<sha>;date=<ISO 8601>` (NUL-padded), so a release says what it was
/// built from without the commit reaching any compiler flag (which would rebuild every module).
/// An unstamped build returns the marker followed by an empty stamp.
const char *lagotui_build_stamp(void);

/// The length of the stamp area after the marker, in bytes (the stamp must be shorter).
int lagotui_build_stamp_capacity(void);

#endif
