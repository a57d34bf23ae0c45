// What a run may leave behind, and removing it: the work directory, named objects in
// /dev/shm and System V IPC objects, all tied to the run by the names and keys of
// fixtures/protocol.hpp. Each function returns what it removed, in words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace procsync {

// The run's token, "<harness pid>-<8 hex digits>".
std::string make_run_token();

// Marks `work_dir` as in use for as long as the returned descriptor stays open (an flock on
// a file in it, released by the kernel when the harness dies however it dies): a sweep in
// another PID namespace, where the token's pid means nothing, still sees it is alive.
int hold_work_dir(const std::string& work_dir);

// Leftovers of earlier runs whose harness is dead (killed outright, it could not clean up):
// processes (known by the token in their environment), work directories in `tmp_dir`, named
// objects in /dev/shm, tagged System V keys.
std::vector<std::string> sweep_stale(const std::string& tmp_dir);

// The run token in a process's environment (/proc/<pid>/environ: NUL-separated entries),
// or "" when it has none.
std::string token_in_environment(std::string_view environ_text);
// The harness pid a token names, or -1 when it is not a token.
long token_owner(std::string_view token);

// This run's objects: named objects carrying `token`, System V objects with this harness's
// keys, and the work directory.
std::vector<std::string> remove_run_objects(const std::string& token, const std::string& work_dir);

}  // namespace procsync
