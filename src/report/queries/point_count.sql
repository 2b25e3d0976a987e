SELECT COUNT(*) FROM report_strategy_points
