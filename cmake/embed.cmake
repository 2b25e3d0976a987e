# bb_embed(TARGET t NAMESPACE ns FUNCTION fn BASE dir FILES f1 f2 ...)
# Generates a .cpp defining `std::span<const core::EmbeddedFile> ns::fn()` with the files'
# contents as raw string literals, names relative to BASE, and adds it to target t.
set(BB_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/embed_gen.cmake")
function(bb_embed)
  cmake_parse_arguments(E "" "TARGET;NAMESPACE;FUNCTION;BASE" "FILES" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_${E_FUNCTION}.cpp")
  set(list_file "${CMAKE_CURRENT_BINARY_DIR}/embedded_${E_FUNCTION}.files")
  string(REPLACE ";" "\n" joined "${E_FILES}")
  file(WRITE "${list_file}.tmp" "${joined}")
  file(COPY_FILE "${list_file}.tmp" "${list_file}" ONLY_IF_DIFFERENT)
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNS=${E_NAMESPACE} -DFN=${E_FUNCTION}
            -DBASE=${E_BASE} -DLIST=${list_file} -P ${BB_EMBED_SCRIPT}
    DEPENDS ${E_FILES} "${list_file}" ${BB_EMBED_SCRIPT}
    COMMENT "Embedding ${E_FUNCTION}"
    VERBATIM)
  target_sources(${E_TARGET} PRIVATE "${out}")
endfunction()

# bb_templates(TARGET t NAMESPACE ns): embeds the package's templates/*.mustache as
# `std::span<const core::EmbeddedFile> ns::templates()`.
function(bb_templates)
  cmake_parse_arguments(T "" "TARGET;NAMESPACE" "" ${ARGN})
  file(GLOB files CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/templates/*.mustache)
  bb_embed(TARGET ${T_TARGET} NAMESPACE ${T_NAMESPACE} FUNCTION templates
           BASE ${CMAKE_CURRENT_SOURCE_DIR}/templates FILES ${files})
endfunction()
