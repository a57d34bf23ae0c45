# Cross build for 32-bit big-endian MIPS Linux (o32 ABI) with Debian's g++-mips-linux-gnu;
# the programs run under qemu-user (qemu-mips from Debian's qemu-user) with the cross
# libraries of /usr/mips-linux-gnu. Signal numbers differ from x86 and ARM here (SIGCHLD 18,
# SIGUSR1 16, SIGSTOP 23, ...): the programs print names, so the traces are the same.
# See docs/ports.md.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR mips)

set(PROCSYNC_CROSS_TRIPLE mips-linux-gnu)
set(CMAKE_CXX_COMPILER ${PROCSYNC_CROSS_TRIPLE}-g++)
set(CMAKE_FIND_ROOT_PATH /usr/${PROCSYNC_CROSS_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# For CMake's own try_run checks only; the behaviours get their launcher from
# PROCSYNC_LAUNCHER (the presets in cmake/presets/ports.json set it to the same command).
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-mips -L /usr/${PROCSYNC_CROSS_TRIPLE})
