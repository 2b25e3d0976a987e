UPDATE jobs SET note = '' WHERE citizen_id = $1
