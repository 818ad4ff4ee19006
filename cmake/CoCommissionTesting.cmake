# cocommission_add_test(NAME SOURCES files... LIBS libs... [LABELS labels...])
# One Qt Test executable per unit, registered with CTest, run headless.
function(cocommission_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} cocommission_testsupport Qt6::Test)
    add_test(NAME ${name} COMMAND ${name})
    cocommission_test_properties(${name} LABELS ${ARG_LABELS})
endfunction()

# cocommission_test_properties(NAME [LABELS labels...])
# What every test gets: headless, a home of its own, the sanitizers' settings in their build.
function(cocommission_test_properties name)
    cmake_parse_arguments(ARG "" "" "LABELS" ${ARGN})
    # Each test gets a home of its own: settings and the demo round (QStandardPaths' test
    # mode puts them under ~/.qttest) must not be shared by tests that ctest runs side by side.
    set(home "${CMAKE_CURRENT_BINARY_DIR}/home/${name}")
    file(MAKE_DIRECTORY "${home}")
    set(environment "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=qt.qpa.*=false;COCOMMISSION_BINARY=$<TARGET_FILE:cocommission>;HOME=${home};XDG_CONFIG_HOME=${home}/.config;XDG_DATA_HOME=${home}/.local/share;XDG_CACHE_HOME=${home}/.cache")
    set(timeout 120)
    if(COCOMMISSION_ASAN)
        # Leaks are reported too, except those of the system libraries Qt loads (fontconfig,
        # the platform plugin), listed in lsan.supp. The sanitizers slow the tests down.
        list(APPEND environment
            "ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
            "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/sanitizer/lsan.supp:print_suppressions=0"
            "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
        set(timeout 600)
    endif()
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "${environment}"
        TIMEOUT ${timeout}
        LABELS "${ARG_LABELS}")
endfunction()
