# Cross build for 32-bit ARM Linux, hard-float EABI (Debian's armhf), with Debian's
# g++-arm-linux-gnueabihf; the programs run under qemu-user (qemu-arm from Debian's
# qemu-user) with the cross libraries of /usr/arm-linux-gnueabihf. 32-bit long and time_t.
# See docs/ports.md.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR arm)

set(PROCSYNC_CROSS_TRIPLE arm-linux-gnueabihf)
set(CMAKE_CXX_COMPILER ${PROCSYNC_CROSS_TRIPLE}-g++)
set(CMAKE_FIND_ROOT_PATH /usr/${PROCSYNC_CROSS_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# For CMake's own try_run checks only; the behaviours get their launcher from
# PROCSYNC_LAUNCHER (the presets in cmake/presets/ports.json set it to the same command).
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-arm -L /usr/${PROCSYNC_CROSS_TRIPLE})
