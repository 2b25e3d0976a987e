-- One vocabulary entry: $1 kind, $2 code.
SELECT label, active FROM vocabulary WHERE kind = $1 AND code = $2
