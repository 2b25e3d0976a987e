SELECT DISTINCT municipality FROM enterprises ORDER BY municipality
