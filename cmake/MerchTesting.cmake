# merch_add_test(NAME <name> SOURCES <files...> LIBS <targets...> LABELS <labels...> [GUI])
# The one helper that registers tests. GUI tests run with QT_QPA_PLATFORM=offscreen, set here
# by CTest and never in the test code. Tests link library targets, never other targets' sources.
function(merch_add_test)
    cmake_parse_arguments(T "GUI" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
    target_compile_definitions(${T_NAME} PRIVATE
        MERCH_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        MERCH_SHARED_DATA_DIR="${PROJECT_SOURCE_DIR}/../shared/data")
    merch_target_options(${T_NAME})
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    set(env ${T_ENVIRONMENT})
    if(T_GUI)
        list(APPEND env QT_QPA_PLATFORM=offscreen)
    endif()
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 600)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "${env}")
endfunction()
