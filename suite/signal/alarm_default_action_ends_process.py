# SIG-15: signal.alarm(n) delivers SIGALRM after n seconds, never earlier, and with no handler
# installed SIGALRM's default action ends the process. The program only arms the alarm and
# waits; the trace judges when and how it ends.
import signal

import procsync as ps

ALARM_SECONDS = 1

previous = signal.alarm(ALARM_SECONDS)
ps.say("armed alarm ", ALARM_SECONDS, ", none was pending: alarm returned ", previous)
# Nothing but SIGALRM can end this wait; reaching the next line is itself a finding.
signal.pause()
ps.say("pause returned: SIGALRM did not end the process")
