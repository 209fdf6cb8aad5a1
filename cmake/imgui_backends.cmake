# Dear ImGui's SDL2 and OpenGL 3 backends are not in Debian's libimgui; Debian
# ships their sources as examples, which we compile from where they are.
set(IMGUI_BACKENDS_DIR /usr/share/doc/libimgui-dev/examples/backends)
if(NOT EXISTS ${IMGUI_BACKENDS_DIR}/imgui_impl_sdl.cpp)
  message(FATAL_ERROR "ImGui backends not found in ${IMGUI_BACKENDS_DIR} (package libimgui-dev)")
endif()
add_library(imgui_backends STATIC
  ${IMGUI_BACKENDS_DIR}/imgui_impl_sdl.cpp
  ${IMGUI_BACKENDS_DIR}/imgui_impl_opengl3.cpp)
target_include_directories(imgui_backends SYSTEM PUBLIC /usr/include/imgui/backends)
target_link_libraries(imgui_backends PUBLIC PkgConfig::IMGUI SDL2::SDL2)
# Not our code: no warnings from it.
target_compile_options(imgui_backends PRIVATE -w)
# ImGui 1.86's GL loader (imgui_impl_opengl3_loader.h) fills its 53-entry
# `ptr` array past its end, into the same union's `gl` struct: undefined by the
# standard, harmless in memory (ASan is silent). It is Debian's code, not ours:
# UBSan's bounds check is off for this one target, every other check stays on.
if(FRICHE_SANITIZE)
  target_compile_options(imgui_backends PRIVATE -fno-sanitize=bounds)
endif()
