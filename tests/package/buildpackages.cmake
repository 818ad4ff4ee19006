# cmake -DCPACK=cpack -DCONFIG=CPackConfig.cmake -DOUTPUT=folder -P buildpackages.cmake
# Builds the .deb and the .tar.gz into an emptied OUTPUT, so that the package test never reads
# a package left from an earlier version, nor one that `make package` is writing.
file(REMOVE_RECURSE "${OUTPUT}")
file(MAKE_DIRECTORY "${OUTPUT}")
execute_process(COMMAND "${CPACK}" --config "${CONFIG}" -G "DEB;TGZ" -B "${OUTPUT}"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cpack failed (${result})")
endif()
