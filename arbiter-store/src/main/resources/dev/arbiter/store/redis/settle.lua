-- Replaces a reservation by the real cost on each counter (or, with ARGV[2] = 'release', only drops it).
-- KEYS: as for reserve.lua. ARGV: [1] reservation id, [2] real cost (micro-USD) or 'release'.
-- Returns per counter {spent before, spent after}, both -1 for a counter that no longer exists.
local id, actual = ARGV[1], ARGV[2]
local out = {}
for i = 1, #KEYS / 2 do
  local h, z = KEYS[2 * i - 1], KEYS[2 * i]
  local held = redis.call('HGET', h, 'r:' .. id)
  if held then
    redis.call('HINCRBY', h, 'reserved', -tonumber(held))
    redis.call('HDEL', h, 'r:' .. id)
  end
  redis.call('ZREM', z, id)
  if actual ~= 'release' and redis.call('HEXISTS', h, 'spent') == 1 then
    local after = redis.call('HINCRBY', h, 'spent', actual)
    out[#out + 1] = after - tonumber(actual)
    out[#out + 1] = after
  else
    out[#out + 1] = -1
    out[#out + 1] = -1
  end
end
return out
