-- Seeds a counter's spend from the ledger unless another replica (or an earlier request) already did (SET NX).
-- KEYS[1] = the counter hash; ARGV[1] = spend (micro-USD), ARGV[2] = expire-at (unix s). Returns {1} if it seeded, {0} if the counter already had a spend.
local set = redis.call('HSETNX', KEYS[1], 'spent', ARGV[1])
redis.call('EXPIREAT', KEYS[1], ARGV[2])
return {set}
