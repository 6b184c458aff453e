package dev.arbiter.core.transport;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.provider.UpstreamRequest;
import dev.arbiter.core.provider.UpstreamSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The one HTTP client of a provider: JDK HttpClient over HTTP/1.1, shared by all calls to that upstream
 * (a client per request would leak threads). Calls block, which is cheap on the virtual threads requests run on.
 */
public final class HttpTransport {
    private final HttpClient client;
    private final UpstreamSettings settings;

    public HttpTransport(UpstreamSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeouts().connect())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends a request and returns the status, headers and whole body. */
    public HttpResponse<byte[]> send(UpstreamRequest request) {
        return execute(request, settings.timeouts().total(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends a request and returns once the response headers arrive, with the body still to be read. */
    public HttpResponse<InputStream> open(UpstreamRequest request) {
        return execute(request, settings.timeouts().firstByte(), HttpResponse.BodyHandlers.ofInputStream());
    }

    public UpstreamSettings settings() {
        return settings;
    }

    private <T> HttpResponse<T> execute(UpstreamRequest request, Duration timeout, HttpResponse.BodyHandler<T> handler) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        try {
            return client.send(builder.build(), handler);
        } catch (HttpConnectTimeoutException e) {
            throw failure(ErrorKind.PROVIDER_UNREACHABLE, "timed out connecting");
        } catch (HttpTimeoutException e) {
            throw failure(ErrorKind.PROVIDER_TIMEOUT, "no response within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            throw failure(ErrorKind.PROVIDER_UNREACHABLE, "connection refused");
        } catch (IOException e) {
            // The caller sees this message: say what happened, not which Java class reported it.
            throw failure(ErrorKind.PROVIDER_UNREACHABLE, "closed or reset the connection before answering");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(ErrorKind.PROVIDER_UNREACHABLE, "call interrupted");
        }
    }

    ArbiterException failure(ErrorKind kind, String what) {
        return new ArbiterException(kind, "upstream '" + settings.providerId() + "' " + what);
    }
}
