# Cross build for IBM Z Linux (s390x: 64-bit, big-endian) with Debian's g++-s390x-linux-gnu;
# the programs run under qemu-user (qemu-s390x from Debian's qemu-user) with the cross
# libraries of /usr/s390x-linux-gnu. See docs/ports.md.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR s390x)

set(PROCSYNC_CROSS_TRIPLE s390x-linux-gnu)
set(CMAKE_CXX_COMPILER ${PROCSYNC_CROSS_TRIPLE}-g++)
set(CMAKE_FIND_ROOT_PATH /usr/${PROCSYNC_CROSS_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# For CMake's own try_run checks only; the behaviours get their launcher from
# PROCSYNC_LAUNCHER (the presets in cmake/presets/ports.json set it to the same command).
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-s390x -L /usr/${PROCSYNC_CROSS_TRIPLE})
