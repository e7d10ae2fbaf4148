/**
 * The Lua scripts behind the Redis stores and the inbound pipeline. Each runs atomically in Redis,
 * which is what makes dedupe-and-append, claim-with-lease and compare-and-set safe between
 * instances without any lock held across the network.
 */

/** KEYS: seen, queue, ready. ARGV: ttlMs, envelope, conversationKey, nowMs. 1 when stored, 0 for a duplicate. */
export const ENQUEUE = `
if redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') == false then return 0 end
redis.call('RPUSH', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[3], 'NX', ARGV[4], ARGV[3])
return 1`;

/**
 * KEYS: ready, fence. ARGV: nowMs, leaseMs, prefix, scan. Takes the lease of the first due
 * conversation nobody holds, with a new fencing token; returns { conversation, token, head }.
 */
export const CLAIM = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[4]))
for _, conversation in ipairs(due) do
  local lease = ARGV[3] .. ':lease:' .. conversation
  if redis.call('EXISTS', lease) == 0 then
    local head = redis.call('LINDEX', ARGV[3] .. ':q:' .. conversation, 0)
    if head then
      local token = redis.call('INCR', KEYS[2])
      redis.call('SET', lease, token, 'PX', ARGV[2])
      return { conversation, tostring(token), head }
    end
    redis.call('ZREM', KEYS[1], conversation)
  end
end
return false`;

/** KEYS: lease. ARGV: token, leaseMs. 1 when renewed, 0 when the lease is someone else's now. */
export const RENEW = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/**
 * KEYS: lease, queue, ready. ARGV: token, conversation, leaseMs. Removes the handled head; returns
 * the next head (the lease is kept and renewed to drain it), false when the conversation is done
 * (lease released), or -1 when the lease was lost (nothing removed).
 */
export const ACK = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
redis.call('LPOP', KEYS[2])
local head = redis.call('LINDEX', KEYS[2], 0)
if not head then
  redis.call('ZREM', KEYS[3], ARGV[2])
  redis.call('DEL', KEYS[1])
  return false
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return head`;

/**
 * KEYS: lease, queue, ready, dead. ARGV: token, conversation, retryAtMs, envelope, deadLetter
 * ('1' to dead-letter). Records a failed attempt: the head is rewritten with its attempt count and
 * retried after a delay, or moved to the dead-letter list. The lease is released either way.
 * -1 when the lease was lost.
 */
export const FAIL = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
if ARGV[5] == '1' then
  redis.call('LPOP', KEYS[2])
  redis.call('RPUSH', KEYS[4], ARGV[4])
  if redis.call('LLEN', KEYS[2]) == 0 then redis.call('ZREM', KEYS[3], ARGV[2]) end
else
  redis.call('LSET', KEYS[2], 0, ARGV[4])
  redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
end
redis.call('DEL', KEYS[1])
return 1`;

/** KEYS: key. ARGV: ttlMs. 1 when the key was new. */
export const SET_IF_ABSENT = `
if redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') == false then return 0 end
return 1`;

/**
 * KEYS: conversation, lease ('' for none). ARGV: expectedVersion, state, ttlMs, token. Saves when
 * the version still matches and, with a lease, while the token still holds it; returns the new
 * version, or 0 when refused.
 */
export const COMPARE_AND_SET = `
if KEYS[2] ~= '' and redis.call('GET', KEYS[2]) ~= ARGV[4] then return 0 end
local current = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if current ~= tonumber(ARGV[1]) then return 0 end
local version = current + 1
redis.call('HSET', KEYS[1], 'v', version, 's', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return version`;
