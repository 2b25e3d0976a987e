INSERT INTO rsv_statements (enterprise_id, year, profit_after_tax_oere, dividend_oere, management_remuneration,
                            management_remuneration_oere, related_party_agreements, purpose_statement,
                            independence, inclusive_governance, submitted_on, created_at, updated_at,
                            created_by, updated_by, updated_by_name)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $13, $14)
RETURNING id
