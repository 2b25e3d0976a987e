# bb_queries(TARGET t NAMESPACE ns)
# Turns the package's queries/*.sql into named constants: for a package in src/<dir> with
# namespace ns, the generated header "<dir>/sql.hpp" declares `extern const db::Query name;` in
# `ns::sql` for every NAME.sql (with NAME.sqlite.sql / NAME.pg.sql as per-dialect variants) and
# `ns::sql::all()`. A call site names the constant (`conn.query(sql::grant_by_id, …)`), so a
# typo is a compile error. Every package's queries are also listed for the storage test that
# prepares them all on both engines (tests/storage/queries_test.cpp).
set(BB_QUERIES_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/queries_gen.cmake")
set(BB_GENERATED_DIR "${PROJECT_BINARY_DIR}/generated")
function(bb_queries)
  cmake_parse_arguments(Q "" "TARGET;NAMESPACE" "" ${ARGN})
  file(GLOB files CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/queries/*.sql)
  file(RELATIVE_PATH dir "${PROJECT_SOURCE_DIR}/src" "${CMAKE_CURRENT_SOURCE_DIR}")
  set(hpp "${BB_GENERATED_DIR}/${dir}/sql.hpp")
  set(cpp "${CMAKE_CURRENT_BINARY_DIR}/queries_sql.cpp")
  set(list_file "${CMAKE_CURRENT_BINARY_DIR}/queries_sql.files")
  string(REPLACE ";" "\n" joined "${files}")
  file(WRITE "${list_file}.tmp" "${joined}")
  file(COPY_FILE "${list_file}.tmp" "${list_file}" ONLY_IF_DIFFERENT)
  add_custom_command(
    OUTPUT "${hpp}" "${cpp}"
    COMMAND ${CMAKE_COMMAND} -DHPP=${hpp} -DCPP=${cpp} -DNS=${Q_NAMESPACE} -DDIR=${dir}
            -DLIST=${list_file} -P ${BB_QUERIES_SCRIPT}
    DEPENDS ${files} "${list_file}" ${BB_QUERIES_SCRIPT}
    COMMENT "Generating ${dir}/sql.hpp"
    VERBATIM)
  target_sources(${Q_TARGET} PRIVATE "${cpp}" "${hpp}")
  target_include_directories(${Q_TARGET} PUBLIC "${BB_GENERATED_DIR}")
  set_property(GLOBAL APPEND PROPERTY BB_QUERY_NAMESPACES "${Q_NAMESPACE}")
  set_property(GLOBAL APPEND PROPERTY BB_QUERY_TARGETS "${Q_TARGET}")
endfunction()
