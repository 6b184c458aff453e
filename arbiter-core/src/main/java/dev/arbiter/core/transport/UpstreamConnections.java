package dev.arbiter.core.transport;

import io.helidon.common.tls.Tls;
import io.helidon.webclient.api.ConnectionKey;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.TcpClientConnection;
import io.helidon.webclient.api.WebClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The keep-alive connections to one upstream, pooled here rather than in Helidon's connection cache. Helidon's cache
 * starts a "socket monitor" virtual thread for every connection it takes back, which reads the socket in 101 ms slices
 * to notice a peer's close; the next request then has to wait for that thread to hand over the first byte of its
 * response. That is a thread, a hand-off and several system calls per request (helidon-io/helidon#11799: 15-30% of
 * CPU). This pool keeps idle connections without watching them: the most recently used goes out first, a connection
 * idle longer than {@code maxIdle} is closed rather than reused, and a request that fails on a reused connection before
 * any response arrives is sent again on a new one (see {@link HttpTransport}), which is how a peer's close is noticed.
 */
final class UpstreamConnections {
    private static final List<String> HTTP_1_1 = List.of("http/1.1");
    private static final Tls NO_TLS = Tls.builder().enabled(false).build();

    private final WebClient webClient;
    private final ConnectionKey key;
    private final Duration maxIdle;
    private final int maxIdleConnections;
    private final LongSupplier nanoClock;
    private final ConcurrentLinkedDeque<Idle> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    /** A connection to use for one request; {@code reused} when it served an earlier one. */
    record Lease(TcpClientConnection connection, boolean reused) {
    }

    private record Idle(TcpClientConnection connection, long sinceNanos) {
    }

    UpstreamConnections(WebClient webClient, URI baseUrl, Proxy proxy, Duration maxIdle, int maxIdleConnections,
                        LongSupplier nanoClock) {
        this.webClient = webClient;
        boolean https = "https".equalsIgnoreCase(baseUrl.getScheme());
        int port = baseUrl.getPort() > 0 ? baseUrl.getPort() : https ? 443 : 80;
        this.key = ConnectionKey.create(https ? "https" : "http", baseUrl.getHost(), port,
                https ? webClient.prototype().tls() : NO_TLS, webClient.prototype().dnsResolver(),
                webClient.prototype().dnsAddressLookup(), proxy);
        this.maxIdle = maxIdle;
        this.maxIdleConnections = maxIdleConnections;
        this.nanoClock = nanoClock;
    }

    /** The most recently released live connection, or a new one when none is fit to reuse. */
    Lease acquire() {
        long now = nanoClock.getAsLong();
        Idle candidate;
        while ((candidate = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            if (fresh(candidate, now) && candidate.connection().isConnected()) {
                return new Lease(candidate.connection(), true);
            }
            candidate.connection().closeResource();
        }
        return open();
    }

    /** A new connection, never one from the pool (the retry after a reused one turned out closed). */
    Lease open() {
        TcpClientConnection connection = TcpClientConnection.create(webClient, key, HTTP_1_1, this::release, c -> {
        });
        return new Lease(connection.connect(), false);
    }

    /** Number of idle connections kept now. */
    int idleCount() {
        return idleCount.get();
    }

    /**
     * Called by Helidon when a response is done with its connection: kept for the next request (true), or closed by
     * Helidon (false) when the pool is full. The oldest idle connection is closed on the way if it has expired.
     */
    private boolean release(TcpClientConnection connection) {
        long now = nanoClock.getAsLong();
        Idle oldest = idle.peekLast();
        if (oldest != null && !fresh(oldest, now) && idle.removeLastOccurrence(oldest)) {
            idleCount.decrementAndGet();
            oldest.connection().closeResource();
        }
        if (idleCount.incrementAndGet() > maxIdleConnections) {
            idleCount.decrementAndGet();
            return false;
        }
        idle.addFirst(new Idle(connection, now));
        return true;
    }

    private boolean fresh(Idle entry, long now) {
        return now - entry.sinceNanos() < maxIdle.toNanos();
    }
}
