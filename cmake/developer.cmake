# Developer mode: -DCOMMUNIQUE_SANITIZE=ON builds everything with AddressSanitizer and
# UndefinedBehaviorSanitizer; -DCOMMUNIQUE_FUZZ=ON (with clang) builds the libFuzzer targets.
option(COMMUNIQUE_SANITIZE "Build with ASan and UBSan" OFF)
option(COMMUNIQUE_FUZZ "Build libFuzzer targets (needs clang)" OFF)

if(COMMUNIQUE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

if(COMMUNIQUE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "COMMUNIQUE_FUZZ needs clang: cmake -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
