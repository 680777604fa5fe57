-- wrk script for tools/bench-server: every request opens a new account (a unique id per thread and request),
-- so every request is a durable command that appends one event.
local threads = {}

function setup(thread)
    thread:set("tid", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    counter = 0
    token = args[1]
    run = args[2]
end

function request()
    counter = counter + 1
    local body = string.format(
        '{"type":"OpenAccount","actor":"load","data":{"accountId":"w%s-%d-%d","name":"Load %d","ownerId":"u1"}}',
        run, tid, counter, counter)
    local headers = {}
    headers["Authorization"] = "Bearer " .. token
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", "/commands", headers, body)
end

function done(summary, latency, requests)
    io.write(string.format("commands: %d requests, %d errors (non-2xx %d), %.0f commands/s\n",
        summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write
            + summary.errors.timeout, summary.errors.status, summary.requests / (summary.duration / 1e6)))
    io.write(string.format("command latency: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000))
end
