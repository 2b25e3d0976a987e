-- Hires per kind and channel, by the date of the hire. $1 from inclusive, $2 to exclusive.
SELECT kind, channel, COUNT(*) FROM jobs WHERE hired_on >= $1 AND hired_on < $2 GROUP BY kind, channel
