-- Corrects token cells by the difference between the tokens really used and those charged at admission: a debit
-- moves tat later (holding off the next requests), a credit earlier (never before now).
-- KEYS: the token cells. ARGV: [1] difference in tokens (may be negative), then ARGV[1+i] = tokens per minute of cell i.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local delta = tonumber(ARGV[1])
for i = 1, #KEYS do
  local shift = math.ceil(math.abs(delta) * 60000000 / tonumber(ARGV[1 + i]))
  local tat = math.max(tonumber(redis.call('GET', KEYS[i]) or now), now)
  if delta > 0 then
    tat = tat + shift
  else
    tat = math.max(now, tat - shift)
  end
  redis.call('SET', KEYS[i], string.format('%.0f', tat), 'PXAT', string.format('%.0f', math.ceil(tat / 1000) + 1000))
end
return {1}
