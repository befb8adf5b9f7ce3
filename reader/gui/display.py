"""Can the window open here? Checked before Qt starts, because Qt aborts (SIGABRT, exit 134)
when it has no display or its xcb plugin misses a system library, and its message does not
say what to install.

Imports no Qt: the checks must run before anything loads a platform plugin. They are cheap
(a few dlopen calls of libraries that are already on the system or not at all).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from collections.abc import Callable, Mapping

# What Qt's xcb plugin links against beyond Xlib and libxcb themselves, with the package that
# provides it on Debian/Ubuntu and on Fedora. Qt 6.5+ added xcb-cursor, the one most often
# missing on a fresh machine.
XCB_LIBRARIES: dict[str, tuple[str, str]] = {
    "xcb-cursor": ("libxcb-cursor0", "xcb-util-cursor"),
    "xcb-icccm": ("libxcb-icccm4", "xcb-util-wm"),
    "xcb-keysyms": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "xcb-image": ("libxcb-image0", "xcb-util-image"),
    "xcb-render-util": ("libxcb-render-util0", "xcb-util-renderutil"),
    "xcb-randr": ("libxcb-randr0", "libxcb"),
    "xcb-shape": ("libxcb-shape0", "libxcb"),
    "xcb-xkb": ("libxcb-xkb1", "libxcb"),
    "xkbcommon-x11": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
}
# The libraries to look for can be named in this variable (space-separated, as in
# XCB_LIBRARIES), for a system whose Qt build links other ones.
LIBRARIES_VARIABLE = "SYNOPSIS_XCB_LIBRARIES"
SONAMES = {"xcb-icccm": 4, "xcb-keysyms": 1, "xcb-xkb": 1}  # the rest are .so.0

CLI_HINT = "the command line works without it: synopsis analyze, compare, map, export"


def _loadable(name: str) -> bool:
    """True if the shared library `name` (as in "xcb-cursor") can be loaded."""
    for candidate in (f"lib{name}.so.{SONAMES.get(name, 0)}", f"lib{name}.so.1", f"lib{name}.so"):
        try:
            ctypes.CDLL(candidate)
            return True
        except OSError:
            continue
    found = ctypes.util.find_library(name)  # slower (asks ldconfig): only when dlopen failed
    return found is not None


def _platform(environ: Mapping[str, str]) -> str:
    """The platform plugin Qt will pick, as its own rule goes on Linux."""
    chosen = environ.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip()
    if chosen:
        return chosen
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return (
        "xcb" if environ.get("DISPLAY") else ("wayland" if environ.get("WAYLAND_DISPLAY") else "")
    )


def display_problem(
    environ: Mapping[str, str] | None = None,
    loadable: Callable[[str], bool] = _loadable,
    platform: str = "linux",
) -> str | None:
    """One line saying why the window cannot open here, or None if it can."""
    if not platform.startswith("linux"):
        return None  # macOS and Windows always have their own platform plugin
    environ = os.environ if environ is None else environ
    kind = _platform(environ)
    if not kind:
        return (
            "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set, "
            f"as over ssh); {CLI_HINT}"
        )
    if kind != "xcb":
        return None
    wanted = environ.get(LIBRARIES_VARIABLE, "").split() or list(XCB_LIBRARIES)
    missing = [name for name in wanted if not loadable(name)]
    if not missing:
        return None
    debian = " ".join(XCB_LIBRARIES.get(n, (f"lib{n}", ""))[0] for n in missing)
    fedora = " ".join(sorted({XCB_LIBRARIES.get(n, ("", f"lib{n}"))[1] for n in missing}))
    return (
        f"the window needs system libraries that are missing ({', '.join(missing)}): install "
        f"them with 'sudo apt install {debian}' (Debian, Ubuntu) or 'sudo dnf install {fedora}' "
        f"(Fedora); {CLI_HINT}"
    )
