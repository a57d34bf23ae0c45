# Platform features a trace can ask for with `%requires <feature>`. Each is checked once, at
# configure time, with the compiler that builds the target side (the cross compiler in a
# cross build). A behaviour whose feature is missing is still registered: it reports
# UNSUPPORTED with the feature named, and the rest of the suite builds as usual.
include(CheckCXXSourceCompiles)
include(CheckCXXSymbolExists)
include(CMakePushCheckState)

set(PROCSYNC_KNOWN_FEATURES
    sem_clockwait pthread_mutex_robust eventfd openpty ofd_locks flock pthread_setname_np
    pthread_tryjoin_np atomic_wait jthread counting_semaphore)

# Every known feature in one program, checked before any on its own: where all are present
# (the usual case) configure compiles once instead of eleven times, about 1.5 s less. When
# it fails, each feature is checked on its own as below, so a missing one is named exactly.
# The program asks of each feature what its own check asks (a symbol that is a macro fails it
# and falls back to the checks one by one); the list says which, and must be the known list.
set(_procsync_features_in_one_program
    sem_clockwait pthread_mutex_robust eventfd openpty ofd_locks flock pthread_setname_np
    pthread_tryjoin_np atomic_wait jthread counting_semaphore)
if(NOT "${_procsync_features_in_one_program}" STREQUAL "${PROCSYNC_KNOWN_FEATURES}")
  message(FATAL_ERROR "cmake/Features.cmake: a feature was added or removed; add its check "
                      "to the program of _procsync_have_all_features too")
endif()
function(_procsync_have_all_features out)
  cmake_push_check_state(RESET)
  set(CMAKE_REQUIRED_DEFINITIONS -D_GNU_SOURCE)
  set(CMAKE_REQUIRED_LIBRARIES Threads::Threads)
  check_cxx_source_compiles("#include <fcntl.h>
    #include <pthread.h>
    #include <pty.h>
    #include <semaphore.h>
    #include <sys/eventfd.h>
    #include <sys/file.h>
    #include <atomic>
    #include <semaphore>
    #include <thread>
    #if !defined(F_OFD_SETLKW) || !defined(__cpp_lib_atomic_wait)
    #error a feature is missing
    #endif
    #if !defined(__cpp_lib_jthread) || !defined(__cpp_lib_semaphore)
    #error a feature is missing
    #endif
    int main(int argc, char**) {
      void* symbols[] = {reinterpret_cast<void*>(&sem_clockwait), reinterpret_cast<void*>(&eventfd),
                         reinterpret_cast<void*>(&openpty), reinterpret_cast<void*>(&flock),
                         reinterpret_cast<void*>(&pthread_setname_np),
                         reinterpret_cast<void*>(&pthread_tryjoin_np)};
      pthread_mutexattr_t a; pthread_mutexattr_init(&a);
      pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
      pthread_mutex_t m; pthread_mutex_init(&m, &a);
      std::atomic<int> w{0}; w.notify_all();
      std::jthread t([] {});
      std::counting_semaphore<2> s{1}; s.acquire();
      return pthread_mutex_consistent(&m) + (symbols[argc % 6] == nullptr);
    }" PROCSYNC_HAVE_ALL_FEATURES)
  cmake_pop_check_state()
  set(${out} ${PROCSYNC_HAVE_ALL_FEATURES} PARENT_SCOPE)
endfunction()

function(_procsync_check_feature feature out)
  if(NOT feature IN_LIST PROCSYNC_KNOWN_FEATURES)
    string(REPLACE ";" " " known "${PROCSYNC_KNOWN_FEATURES}")
    message(FATAL_ERROR "Unknown feature '${feature}' in a %requires line; known: ${known} "
                        "(add a check to cmake/Features.cmake)")
  endif()
  _procsync_have_all_features(all)
  if(all)
    set(${out} TRUE PARENT_SCOPE)
    return()
  endif()
  cmake_push_check_state(RESET)
  set(CMAKE_REQUIRED_DEFINITIONS -D_GNU_SOURCE)
  set(CMAKE_REQUIRED_LIBRARIES Threads::Threads)
  set(var "PROCSYNC_HAVE_${feature}")
  if(feature STREQUAL "sem_clockwait")
    check_cxx_symbol_exists(sem_clockwait semaphore.h ${var})
  elseif(feature STREQUAL "pthread_mutex_robust")
    check_cxx_source_compiles("#include <pthread.h>
      int main() { pthread_mutexattr_t a; pthread_mutexattr_init(&a);
        pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
        pthread_mutex_t m; return pthread_mutex_consistent(&m); }" ${var})
  elseif(feature STREQUAL "eventfd")
    check_cxx_symbol_exists(eventfd sys/eventfd.h ${var})
  elseif(feature STREQUAL "openpty")
    check_cxx_symbol_exists(openpty pty.h ${var})
    if(NOT ${var})
      set(CMAKE_REQUIRED_LIBRARIES Threads::Threads util)
      check_cxx_symbol_exists(openpty pty.h PROCSYNC_HAVE_openpty_in_libutil)
      set(${var} ${PROCSYNC_HAVE_openpty_in_libutil})
    endif()
  elseif(feature STREQUAL "ofd_locks")
    check_cxx_symbol_exists(F_OFD_SETLKW fcntl.h ${var})
  elseif(feature STREQUAL "flock")
    check_cxx_symbol_exists(flock sys/file.h ${var})
  elseif(feature STREQUAL "pthread_setname_np")
    check_cxx_symbol_exists(pthread_setname_np pthread.h ${var})
  elseif(feature STREQUAL "pthread_tryjoin_np")
    check_cxx_symbol_exists(pthread_tryjoin_np pthread.h ${var})
  elseif(feature STREQUAL "atomic_wait")
    check_cxx_source_compiles("#include <atomic>
      #if !defined(__cpp_lib_atomic_wait)
      #error no atomic wait
      #endif
      int main() { std::atomic<int> a{0}; a.notify_all(); return 0; }" ${var})
  elseif(feature STREQUAL "jthread")
    check_cxx_source_compiles("#include <thread>
      #if !defined(__cpp_lib_jthread)
      #error no jthread
      #endif
      int main() { std::jthread t([] {}); return 0; }" ${var})
  elseif(feature STREQUAL "counting_semaphore")
    check_cxx_source_compiles("#include <semaphore>
      #if !defined(__cpp_lib_semaphore)
      #error no semaphore
      #endif
      int main() { std::counting_semaphore<2> s{1}; s.acquire(); return 0; }" ${var})
  endif()
  cmake_pop_check_state()
  set(${out} ${${var}} PARENT_SCOPE)
endfunction()

# Sets OUT to the features in the list FEATURES that this platform lacks.
function(procsync_missing_features out)
  set(missing "")
  foreach(feature IN LISTS ARGN)
    _procsync_check_feature(${feature} have)
    if(NOT have)
      list(APPEND missing ${feature})
    endif()
  endforeach()
  set(${out} "${missing}" PARENT_SCOPE)
endfunction()

# openpty lives in libc on glibc 2.34 and later and on musl, in libutil on older glibc:
# behaviour programs link libutil when that is where it is.
include(CheckLibraryExists)
set(PROCSYNC_PROGRAM_LIBS "")
cmake_push_check_state(RESET)
check_cxx_symbol_exists(openpty pty.h PROCSYNC_OPENPTY_IN_LIBC)
if(NOT PROCSYNC_OPENPTY_IN_LIBC)
  check_library_exists(util openpty "" PROCSYNC_OPENPTY_IN_LIBUTIL)
  if(PROCSYNC_OPENPTY_IN_LIBUTIL)
    set(PROCSYNC_PROGRAM_LIBS util)
  endif()
endif()
cmake_pop_check_state()
