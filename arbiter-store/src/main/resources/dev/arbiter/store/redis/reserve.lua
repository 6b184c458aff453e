-- Reserves an amount on every budget counter, or on none (all-or-nothing across the budget hierarchy).
-- KEYS: per budget i, KEYS[2i-1] = the counter hash {spent, reserved, r:<id> = held amount},
--       KEYS[2i] = its lease set (reservation id -> lease end, ms).
-- ARGV: [1] reservation id, [2] amount (micro-USD), [3] now (ms), [4] lease end (ms),
--       then per budget i: ARGV[3+2i] = limit (micro-USD), ARGV[4+2i] = expire-at (unix s, past the period end).
-- Returns {'ok'}, {'seed', i1, i2, ...} (counters never seeded from the ledger), or
--         {'refused', i, spent, reserved} for the first budget without room.
local id, amount, now, leaseEnd = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
local n = #KEYS / 2
local missing = {'seed'}
for i = 1, n do
  if redis.call('HEXISTS', KEYS[2 * i - 1], 'spent') == 0 then
    missing[#missing + 1] = i
  end
end
if #missing > 1 then
  return missing
end
for i = 1, n do
  local h, z = KEYS[2 * i - 1], KEYS[2 * i]
  -- reservations whose process never settled them stop counting after their lease
  local expired = redis.call('ZRANGEBYSCORE', z, '-inf', now, 'LIMIT', 0, 100)
  for _, rid in ipairs(expired) do
    local held = redis.call('HGET', h, 'r:' .. rid)
    if held then
      redis.call('HINCRBY', h, 'reserved', -tonumber(held))
      redis.call('HDEL', h, 'r:' .. rid)
    end
    redis.call('ZREM', z, rid)
  end
  local spent = tonumber(redis.call('HGET', h, 'spent'))
  local reserved = tonumber(redis.call('HGET', h, 'reserved') or '0')
  if spent + reserved + amount > tonumber(ARGV[3 + 2 * i]) then
    return {'refused', i, spent, reserved}
  end
end
for i = 1, n do
  local h, z, expireAt = KEYS[2 * i - 1], KEYS[2 * i], ARGV[4 + 2 * i]
  redis.call('HINCRBY', h, 'reserved', amount)
  redis.call('HSET', h, 'r:' .. id, amount)
  redis.call('ZADD', z, leaseEnd, id)
  redis.call('EXPIREAT', h, expireAt)
  redis.call('EXPIREAT', z, expireAt)
end
return {'ok'}
