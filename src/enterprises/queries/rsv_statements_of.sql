SELECT id, enterprise_id, year, profit_after_tax_oere, dividend_oere, management_remuneration,
       management_remuneration_oere, related_party_agreements, purpose_statement, independence,
       inclusive_governance, submitted_on, created_at, updated_at, updated_by_name
FROM rsv_statements
WHERE enterprise_id = $1
ORDER BY year DESC
