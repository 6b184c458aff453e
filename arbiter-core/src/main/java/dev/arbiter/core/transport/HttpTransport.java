package dev.arbiter.core.transport;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.provider.UpstreamRequest;
import dev.arbiter.core.provider.UpstreamSettings;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClient;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientProtocolConfig;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The one HTTP client of a provider, shared by all calls to that upstream: Helidon's blocking HTTP/1.1 client over
 * HTTP/1.1 keep-alive connections, which is cheap on the virtual threads requests run on and measured faster
 * here than the JDK HttpClient (whose selector thread adds a hand-off to every call; see docs/performance.md).
 * The connections are pooled by {@link UpstreamConnections}, not by Helidon's cache (which watches each idle one
 * with a thread of its own).
 */
public final class HttpTransport {
    /** How long a keep-alive connection may wait unused before it is closed instead of reused. */
    static final Duration MAX_IDLE = Duration.ofSeconds(20);
    /** Idle keep-alive connections kept per upstream; more are closed when their request ends. */
    static final int MAX_IDLE_CONNECTIONS = 1024;

    private final Http1Client client;
    private final UpstreamConnections connections;
    private final UpstreamSettings settings;

    public HttpTransport(UpstreamSettings settings) {
        this.settings = settings;
        UpstreamSettings.Timeouts t = settings.timeouts();
        Proxy proxy = proxyFor(settings.baseUrl());
        WebClient webClient = WebClient.builder()
                .followRedirects(false)
                .shareConnectionCache(false)
                .socketOptions(o -> o.tcpNoDelay(true).connectTimeout(t.connect()).readTimeout(t.total()))
                .proxy(proxy)
                .build();
        // The HTTP/1.1 client itself rather than the generic WebClient, which looks up the protocol per call.
        // Our own request headers are built by code, and the upstream's are only read: validating each header's
        // characters on every call costs CPU and protects nothing here.
        this.client = webClient.client(Http1Client.PROTOCOL, Http1ClientProtocolConfig.builder()
                .validateRequestHeaders(false).validateResponseHeaders(false).build());
        this.connections = new UpstreamConnections(webClient, settings.baseUrl(), proxy, MAX_IDLE, MAX_IDLE_CONNECTIONS,
                System::nanoTime);
    }

    /**
     * The JVM's proxy for the upstream, decided once: Helidon's default asks the system's ProxySelector again on every
     * call (parsing a URI each time), although the answer only changes with the JVM's proxy properties.
     */
    static Proxy proxyFor(URI baseUrl) {
        ProxySelector selector = ProxySelector.getDefault();
        if (selector == null) {
            return Proxy.noProxy();
        }
        List<java.net.Proxy> proxies = selector.select(baseUrl);
        boolean direct = proxies.isEmpty() || proxies.getFirst().type() == java.net.Proxy.Type.DIRECT;
        return direct ? Proxy.noProxy() : Proxy.create();
    }

    /**
     * Sends a request and returns once the response headers arrive, with the body still to be read. A reused
     * keep-alive connection that fails before any response arrives was most likely closed by the upstream while it
     * waited in the pool, so the request is sent once more on a new connection (as OkHttp does); a timeout is not
     * retried here.
     */
    UpstreamReply send(UpstreamRequest request, Duration readTimeout) {
        UpstreamConnections.Lease lease = lease(connections::acquire, readTimeout);
        try {
            return exchange(request, readTimeout, lease);
        } catch (RuntimeException e) { // Helidon reports I/O trouble with several unchecked types
            lease.connection().closeResource();
            if (!lease.reused() || timedOut(e)) {
                throw mapFailure(e, readTimeout);
            }
        }
        UpstreamConnections.Lease fresh = lease(connections::open, readTimeout);
        try {
            return exchange(request, readTimeout, fresh);
        } catch (RuntimeException e) {
            fresh.connection().closeResource();
            throw mapFailure(e, readTimeout);
        }
    }

    private UpstreamReply exchange(UpstreamRequest request, Duration readTimeout, UpstreamConnections.Lease lease) {
        Http1ClientRequest call = client.post().uri(request.uri()).readTimeout(readTimeout).connection(lease.connection());
        call.headers(h -> request.headers().forEach((name, value) -> h.set(HeaderNames.create(name), value)));
        Http1ClientResponse response = call.submit(request.body());
        return new UpstreamReply(response.status().code(), () -> headers(response),
                response.headers().contentLength().orElse(-1), response.inputStream(), response);
    }

    private UpstreamConnections.Lease lease(Supplier<UpstreamConnections.Lease> source, Duration readTimeout) {
        try {
            return source.get();
        } catch (RuntimeException e) {
            throw mapFailure(e, readTimeout);
        }
    }

    private static boolean timedOut(RuntimeException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    public UpstreamSettings settings() {
        return settings;
    }

    private static Map<String, List<String>> headers(Http1ClientResponse response) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header h : response.headers()) {
            map.computeIfAbsent(h.name(), k -> new ArrayList<>()).addAll(h.allValues());
        }
        return map;
    }

    private ArbiterException mapFailure(RuntimeException e, Duration readTimeout) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ConnectException) {
                return failure(ErrorKind.PROVIDER_UNREACHABLE, "refused the connection");
            }
            if (c instanceof SocketTimeoutException) {
                return c.getMessage() != null && c.getMessage().contains("connect")
                        ? failure(ErrorKind.PROVIDER_UNREACHABLE, "could not be reached in time")
                        : failure(ErrorKind.PROVIDER_TIMEOUT, "sent no response within " + readTimeout.toMillis() + " ms");
            }
        }
        return failure(ErrorKind.PROVIDER_UNREACHABLE, "closed or reset the connection before answering");
    }

    ArbiterException failure(ErrorKind kind, String what) {
        return new ArbiterException(kind, "upstream '" + settings.providerId() + "' " + what);
    }
}
