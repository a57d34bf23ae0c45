# Cross build for 64-bit RISC-V Linux (lp64d) with Debian's g++-riscv64-linux-gnu; the
# programs run under qemu-user (qemu-riscv64 from Debian's qemu-user) with the cross
# libraries of /usr/riscv64-linux-gnu. See docs/ports.md.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR riscv64)

set(PROCSYNC_CROSS_TRIPLE riscv64-linux-gnu)
set(CMAKE_CXX_COMPILER ${PROCSYNC_CROSS_TRIPLE}-g++)
set(CMAKE_FIND_ROOT_PATH /usr/${PROCSYNC_CROSS_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# For CMake's own try_run checks only; the behaviours get their launcher from
# PROCSYNC_LAUNCHER (the presets in cmake/presets/ports.json set it to the same command).
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-riscv64 -L /usr/${PROCSYNC_CROSS_TRIPLE})
