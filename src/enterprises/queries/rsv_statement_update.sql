UPDATE rsv_statements
SET year = $3, profit_after_tax_oere = $4, dividend_oere = $5, management_remuneration = $6,
    management_remuneration_oere = $7, related_party_agreements = $8, purpose_statement = $9,
    independence = $10, inclusive_governance = $11, submitted_on = $12, updated_at = $13,
    updated_by = $14, updated_by_name = $15
WHERE enterprise_id = $1 AND year = $2
