#!/usr/bin/python3
"""Runs a command (User-Mode Linux) with ptrace(PTRACE_GETREGSET, pid, NT_X86_XSTATE, ...)
failing with EIO, so that UML 6.1 finds no XSTATE support and saves its processes' FPU state
with PTRACE_GETFPREGS/SETFPREGS instead. UML 6.1 cannot restore XSTATE on a host whose XSAVE
area is larger than an AVX one (docs/ports.md, uml). usage: uml-without-xstate.py COMMAND...
"""
import errno
import os
import sys

import seccomp  # Debian: python3-seccomp

PTRACE_GETREGSET = 0x4204
NT_X86_XSTATE = 0x202

rules = seccomp.SyscallFilter(seccomp.ALLOW)
rules.add_rule(seccomp.ERRNO(errno.EIO), "ptrace",
               seccomp.Arg(0, seccomp.EQ, PTRACE_GETREGSET),
               seccomp.Arg(2, seccomp.EQ, NT_X86_XSTATE))
rules.load()
os.execv(sys.argv[1], sys.argv[1:])
