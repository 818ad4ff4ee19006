# Checks the table bench/run-benchmarks.sh makes of fixed records, so that `make bench` cannot
# break silently. Run by CTest (bench/CMakeLists.txt):
#   cmake -DBASH=bash -DSCRIPT=run-benchmarks.sh -DDATA=bench/testdata -P checktable.cmake
#
# records.tsv holds every kind of row (target met and not met, a target on the ratio to a peer,
# a peer and a figure not measured, no target, a benchmark that failed to run, wide characters
# and a | in a name); expected-table.txt and expected-table.md are the tables it must give.
# bad-records.tsv holds malformed records: the script must name each file, line and field, print
# no table and exit with status 2.

cmake_minimum_required(VERSION 3.24)

foreach(variable BASH SCRIPT DATA)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "checktable.cmake: -D${variable}=... is required")
    endif()
endforeach()

set(failures 0)

# Functions, not macros: the output holds backslashes, which a macro would read as escapes.
function(fail)
    message(SEND_ERROR ${ARGN})
    math(EXPR count "${failures} + 1")
    set(failures ${count} PARENT_SCOPE)
endfunction()

# run(NAME EXPECTED_STATUS ARGS...): runs the script; sets out and err.
function(run name expected_status)
    execute_process(COMMAND "${BASH}" "${SCRIPT}" ${ARGN}
        RESULT_VARIABLE status OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
    if(NOT status STREQUAL "${expected_status}")
        fail("${name}: exit status ${status}, expected ${expected_status}\n"
            "stdout:\n${stdout}\nstderr:\n${stderr}")
    endif()
    set(failures ${failures} PARENT_SCOPE)
    set(out "${stdout}" PARENT_SCOPE)
    set(err "${stderr}" PARENT_SCOPE)
endfunction()

# compare(NAME EXPECTED_FILE): compares out with the file.
function(compare name expected_file)
    file(READ "${expected_file}" expected)
    if(NOT out STREQUAL expected)
        fail("${name}: the table differs from ${expected_file}\n"
            "--- expected\n${expected}--- actual\n${out}---")
    endif()
    set(failures ${failures} PARENT_SCOPE)
endfunction()

# The fixture records a benchmark that failed to run: the table is printed and the status is 1.
run("plain table" 1 --format "${DATA}/records.tsv")
compare("plain table" "${DATA}/expected-table.txt")

run("Markdown table" 1 --format "${DATA}/records.tsv" --markdown)
compare("Markdown table" "${DATA}/expected-table.md")

run("malformed records" 2 --format "${DATA}/bad-records.tsv")
if(NOT out STREQUAL "")
    fail("malformed records: a table was printed:\n${out}")
endif()
foreach(expected
        "bad-records.tsv:2: field 3 (value): expected a number or -, found \"12ms\""
        "bad-records.tsv:3: expected 11 tab-separated fields, found 10"
        "bad-records.tsv:4: field 11 (meets): expected yes, no, - or failed, found \"maybe\""
        "bad-records.tsv:5: field 6 (comparison): expected <, <=, > or >=, found \"=<\""
        "bad-records.tsv: 4 problem(s); no table printed")
    string(FIND "${err}" "${expected}" at)
    if(at EQUAL -1)
        fail("malformed records: no message \"${expected}\" in:\n${err}")
    endif()
endforeach()

run("no records file" 2 --format "${DATA}/no-such-records.tsv")
string(FIND "${err}" "no-such-records.tsv: cannot read the records file" at)
if(at EQUAL -1)
    fail("no records file: no message naming the file in:\n${err}")
endif()

if(failures GREATER 0)
    message(FATAL_ERROR "${failures} check(s) of the benchmark table failed")
endif()
message(STATUS "the benchmark table: plain, Markdown and malformed records as expected")
