// Violates EVT-09 (condition_variable): the timed wait sleeps to its 6 s deadline and then checks
// once, so it returns 5.5 s after the wake-up instead of at it.
#include "timed_wait_sleeps_to_deadline.inc"
