package dev.arbiter.core.tenancy;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Interceptor;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.RequestMeta;
import java.util.Locale;

/**
 * The first stage when the gateway has an admin key: every request must carry a live virtual key, as
 * {@code Authorization: Bearer <key>} (OpenAI clients) or {@code x-api-key: <key>} (Anthropic clients). It puts the
 * key's principal on the trace and refuses (403) a model or route the key may not call. A gateway without an admin
 * key leaves this stage out of its pipeline, so it always checks. The HTTP edge authenticates before it even reads
 * the body ({@link #authenticate}, so a caller without a key gets 401 before any work); the stage then finds the
 * principal on the trace and only checks the model.
 */
public final class AuthStage implements Interceptor {
    private static final String BEARER = "bearer ";

    private final Authenticator authenticator;

    public AuthStage(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Outcome intercept(Chain chain) {
        Exchange exchange = chain.exchange();
        Principal principal = exchange.trace().principal();
        if (principal.isOpen()) {
            principal = authenticate(exchange.meta());
            exchange.trace().principal(principal);
        }
        requireAllowed(principal, exchange.request().model());
        return chain.proceed(exchange);
    }

    /** Refuses (403) a model or route the principal's key may not call. */
    public static void requireAllowed(Principal principal, String model) {
        if (!principal.allows(model)) {
            throw new ArbiterException(ErrorKind.CALLER_FORBIDDEN, "The API key " + principal.keyPrefix()
                    + "… may not use the model '" + model + "'; it may use: "
                    + String.join(", ", principal.allowedModels()) + ".", "model", "model_not_allowed", null);
        }
    }

    /** The principal of the key the request presents; 401 when it presents none, an unknown or a revoked one. */
    public Principal authenticate(RequestMeta meta) {
        return authenticator.authenticate(presentedKey(meta));
    }

    /** The key from Authorization (preferred) or x-api-key; a 401 naming both headers when neither holds one. */
    static String presentedKey(RequestMeta meta) {
        String authorization = meta.header("authorization");
        if (authorization != null && !authorization.isBlank()) {
            String value = authorization.strip();
            if (!value.toLowerCase(Locale.ROOT).startsWith(BEARER) || value.substring(BEARER.length()).isBlank()) {
                throw missing("The Authorization header must be 'Bearer <key>'.");
            }
            return value.substring(BEARER.length()).strip();
        }
        String apiKey = meta.header("x-api-key");
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey.strip();
        }
        throw missing("This gateway requires an API key.");
    }

    private static ArbiterException missing(String problem) {
        return new ArbiterException(ErrorKind.CALLER_UNAUTHORIZED, problem + " Send a virtual key issued by the"
                + " gateway's admin as 'Authorization: Bearer sk-arb-…' or 'x-api-key: sk-arb-…'.",
                null, "missing_api_key", null);
    }
}
