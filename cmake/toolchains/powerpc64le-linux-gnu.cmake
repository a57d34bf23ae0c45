# Cross build for 64-bit little-endian POWER Linux (Debian's ppc64el, ELFv2 ABI) with
# Debian's g++-powerpc64le-linux-gnu; the programs run under qemu-user (qemu-ppc64le from
# Debian's qemu-user) with the cross libraries of /usr/powerpc64le-linux-gnu.
# See docs/ports.md.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR ppc64le)

set(PROCSYNC_CROSS_TRIPLE powerpc64le-linux-gnu)
set(CMAKE_CXX_COMPILER ${PROCSYNC_CROSS_TRIPLE}-g++)
set(CMAKE_FIND_ROOT_PATH /usr/${PROCSYNC_CROSS_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# For CMake's own try_run checks only; the behaviours get their launcher from
# PROCSYNC_LAUNCHER (the presets in cmake/presets/ports.json set it to the same command).
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-ppc64le -L /usr/${PROCSYNC_CROSS_TRIPLE})
