# cocommission_add_test(NAME SOURCES files... LIBS libs... [LABELS labels...])
# One Qt Test executable per unit, registered with CTest, run headless.
function(cocommission_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} cocommission_testsupport Qt6::Test)
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=qt.qpa.*=false;COCOMMISSION_BINARY=$<TARGET_FILE:cocommission>"
        TIMEOUT 120
        LABELS "${ARG_LABELS}")
endfunction()
