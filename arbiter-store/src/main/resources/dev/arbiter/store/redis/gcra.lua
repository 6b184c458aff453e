-- GCRA on several cells at once, all-or-nothing, on the Redis server's clock (shared by every replica).
-- A cell allowing L per minute emits one unit every T = 60 s / L; its value is the theoretical arrival time (tat,
-- µs). A charge of n units moves tat to max(tat, now) + n*T and passes while that stays within a minute of now;
-- a charge larger than a whole minute passes only when the cell is idle.
-- KEYS: the cells. ARGV: per cell i, ARGV[2i-1] = units, ARGV[2i] = limit per minute.
-- Returns {0, 0} when every cell passed (and was charged), else {i, µs to wait} for the cell with the longest wait.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local window = 60000000
local charged = {}
local worst, worstWait = 0, 0
for i = 1, #KEYS do
  local cost = math.ceil(tonumber(ARGV[2 * i - 1]) * window / tonumber(ARGV[2 * i]))
  local start = math.max(tonumber(redis.call('GET', KEYS[i]) or now), now)
  local tat = start + cost
  if tat - now <= window or start == now then
    charged[i] = tat
  else
    local wait = (cost > window) and (start - now) or (tat - window - now)
    if wait > worstWait then
      worst, worstWait = i, wait
    end
  end
end
if worst > 0 then
  return {worst, math.max(1, worstWait)}
end
for i = 1, #KEYS do
  redis.call('SET', KEYS[i], string.format("%.0f", charged[i]), "PXAT", string.format("%.0f", math.ceil(charged[i] / 1000) + 1000))
end
return {0, 0}
