# Platform features a trace can ask for with `%requires <feature>`. Each is checked once, at
# configure time, with the compiler that builds the target side (the cross compiler in a
# cross build). A behaviour whose feature is missing is still registered: it reports
# UNSUPPORTED with the feature named, and the rest of the suite builds as usual.
include(CheckCXXSourceCompiles)
include(CheckCXXSymbolExists)
include(CMakePushCheckState)
include(CheckLibraryExists)

# openpty lives in libc on glibc 2.34 and later and on musl, in libutil on older glibc:
# behaviour programs link libutil when that is where it is.
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

# _procsync_feature(<name> HEADERS <header>... [MACROS <macro>...] [SYMBOLS <symbol>...]
#                   [CODE <statements>])
# declares a feature a trace can ask for. The platform has it when a program compiles and
# links (with the libraries the programs link) that includes the HEADERS, finds every MACRO
# defined, every SYMBOL declared (a function or object, or a macro, as check_symbol_exists
# asks) and runs the CODE statements.
set(PROCSYNC_KNOWN_FEATURES "")
function(_procsync_feature name)
  cmake_parse_arguments(PARSE_ARGV 1 f "" "CODE" "HEADERS;MACROS;SYMBOLS")
  foreach(part HEADERS MACROS SYMBOLS CODE)
    set_property(GLOBAL PROPERTY PROCSYNC_FEATURE_${name}_${part} "${f_${part}}")
  endforeach()
  set(PROCSYNC_KNOWN_FEATURES ${PROCSYNC_KNOWN_FEATURES} ${name} PARENT_SCOPE)
endfunction()

_procsync_feature(sem_clockwait HEADERS semaphore.h SYMBOLS sem_clockwait)
_procsync_feature(pthread_mutex_robust HEADERS pthread.h CODE
  "pthread_mutexattr_t a; pthread_mutexattr_init(&a);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_t m; n += pthread_mutex_consistent(&m);")
_procsync_feature(eventfd HEADERS sys/eventfd.h SYMBOLS eventfd)
_procsync_feature(openpty HEADERS pty.h SYMBOLS openpty)
_procsync_feature(ofd_locks HEADERS fcntl.h SYMBOLS F_OFD_SETLKW)
_procsync_feature(flock HEADERS sys/file.h SYMBOLS flock)
_procsync_feature(pthread_setname_np HEADERS pthread.h SYMBOLS pthread_setname_np)
_procsync_feature(pthread_tryjoin_np HEADERS pthread.h SYMBOLS pthread_tryjoin_np)
_procsync_feature(atomic_wait HEADERS atomic MACROS __cpp_lib_atomic_wait
  CODE "std::atomic<int> a{0}; a.notify_all();")
_procsync_feature(jthread HEADERS thread MACROS __cpp_lib_jthread CODE "std::jthread t([] {});")
_procsync_feature(counting_semaphore HEADERS semaphore MACROS __cpp_lib_semaphore
  CODE "std::counting_semaphore<2> s{1}; s.acquire();")

# Sets the cached <result> to whether one program asking for all of the features in ARGN
# compiles and links.
function(_procsync_check_features result)
  set(includes "")
  set(conditions "")
  set(body "")
  foreach(feature IN LISTS ARGN)
    foreach(part HEADERS MACROS SYMBOLS CODE)
      get_property(${part} GLOBAL PROPERTY PROCSYNC_FEATURE_${feature}_${part})
    endforeach()
    foreach(header IN LISTS HEADERS)
      string(APPEND includes "#include <${header}>\n")
    endforeach()
    foreach(macro IN LISTS MACROS)
      string(APPEND conditions "#ifndef ${macro}\n#error ${feature}: no ${macro}\n#endif\n")
    endforeach()
    foreach(symbol IN LISTS SYMBOLS)
      string(APPEND body "#ifndef ${symbol}\n  n += ((const int*)(&${symbol}))[argc];\n#endif\n")
    endforeach()
    if(CODE)
      string(APPEND body "  {\n    ${CODE}\n  }\n")
    endif()
  endforeach()
  cmake_push_check_state(RESET)
  set(CMAKE_REQUIRED_DEFINITIONS -D_GNU_SOURCE)
  set(CMAKE_REQUIRED_LIBRARIES Threads::Threads ${PROCSYNC_PROGRAM_LIBS})
  check_cxx_source_compiles("${includes}${conditions}
int main(int argc, char**) {
  int n = 0;
${body}  return n;
}" ${result})
  cmake_pop_check_state()
endfunction()

# Sets <out> to whether the platform has <feature>. Every known feature is asked for in one
# program first: where all are present (the usual case) configure compiles once instead of
# eleven times, about 1.5 s less. Only when that fails is each feature checked on its own, so
# that a missing one is named exactly.
function(_procsync_check_feature feature out)
  if(NOT feature IN_LIST PROCSYNC_KNOWN_FEATURES)
    string(REPLACE ";" " " known "${PROCSYNC_KNOWN_FEATURES}")
    message(FATAL_ERROR "Unknown feature '${feature}' in a %requires line; known: ${known} "
                        "(add a _procsync_feature to cmake/Features.cmake)")
  endif()
  _procsync_check_features(PROCSYNC_HAVE_ALL_FEATURES ${PROCSYNC_KNOWN_FEATURES})
  if(PROCSYNC_HAVE_ALL_FEATURES)
    set(${out} TRUE PARENT_SCOPE)
    return()
  endif()
  _procsync_check_features(PROCSYNC_HAVE_${feature} ${feature})
  set(${out} ${PROCSYNC_HAVE_${feature}} PARENT_SCOPE)
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
