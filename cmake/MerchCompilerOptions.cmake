# Warnings and sanitizers for every merch target: call merch_target_options(<target>).
add_library(merch_options INTERFACE)
target_compile_options(merch_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual)
# GCC 12 at -O3 reports -Wrestrict on `"literal" + std::to_string(n)` inside libstdc++ itself,
# a known false positive (GCC bug 105329); keep the rest of the warning set.
# Its -Wmaybe-uninitialized also fires on std::string members of aggregates copied at -O3 (the
# small-string buffer; one of GCC 12's known false positives of this warning): still shown, but
# not fatal under -Werror.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(merch_options INTERFACE -Wno-restrict -Wno-error=maybe-uninitialized)
endif()
if(MERCH_WARNINGS_AS_ERRORS)
    target_compile_options(merch_options INTERFACE -Werror)
endif()
if(MERCH_BUILD_FUZZERS)
    # Everything the fuzzers reach is instrumented for coverage and checked by ASan/UBSan.
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()
if(MERCH_SANITIZE)
    target_compile_options(merch_options INTERFACE -fsanitize=address,undefined
        -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(merch_options INTERFACE -fsanitize=address,undefined)
endif()

function(merch_target_options target)
    target_link_libraries(${target} PRIVATE merch_options)
endfunction()
