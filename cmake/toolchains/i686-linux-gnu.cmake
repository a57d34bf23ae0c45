# Cross build for 32-bit x86 Linux with Debian's g++-i686-linux-gnu. No emulator: the
# programs run directly on the x86-64 kernel through its 32-bit compatibility layer
# (IA32 emulation), loaded like any 32-bit program on a 64-bit Debian by /lib/ld-linux.so.2
# with the 32-bit runtime libraries of /lib32 (Debian's libc6-i386, lib32stdc++6,
# lib32gcc-s1). 32-bit long and, unless built with -D_TIME_BITS=64 as the i686-time64
# preset does, 32-bit time_t. See docs/ports.md.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR i686)

set(PROCSYNC_CROSS_TRIPLE i686-linux-gnu)
set(CMAKE_CXX_COMPILER ${PROCSYNC_CROSS_TRIPLE}-g++)
set(CMAKE_FIND_ROOT_PATH /usr/${PROCSYNC_CROSS_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# No CMAKE_CROSSCOMPILING_EMULATOR: the host runs these programs as they are.
