package dev.arbiter.core.tenancy;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.Exchange;
import dev.arbiter.core.pipeline.Interceptor;
import dev.arbiter.core.pipeline.Outcome;
import java.util.Locale;

/**
 * The first stage when the gateway has an admin key: every request must carry a live virtual key, as
 * {@code Authorization: Bearer <key>} (OpenAI clients) or {@code x-api-key: <key>} (Anthropic clients). It puts the
 * key's principal on the trace and refuses (403) a model or route the key may not call. A gateway without an admin
 * key leaves this stage out of its pipeline, so it always checks.
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
        Principal principal = authenticator.authenticate(presentedKey(exchange));
        exchange.trace().principal(principal);
        String model = exchange.request().model();
        if (!principal.allows(model)) {
            throw new ArbiterException(ErrorKind.CALLER_FORBIDDEN, "The API key " + principal.keyPrefix()
                    + "… may not use the model '" + model + "'; it may use: "
                    + String.join(", ", principal.allowedModels()) + ".", "model", "model_not_allowed", null);
        }
        return chain.proceed(exchange);
    }

    /** The key from Authorization (preferred) or x-api-key; a 401 naming both headers when neither holds one. */
    static String presentedKey(Exchange exchange) {
        String authorization = exchange.meta().header("authorization");
        if (authorization != null && !authorization.isBlank()) {
            String value = authorization.strip();
            if (!value.toLowerCase(Locale.ROOT).startsWith(BEARER) || value.substring(BEARER.length()).isBlank()) {
                throw missing("The Authorization header must be 'Bearer <key>'.");
            }
            return value.substring(BEARER.length()).strip();
        }
        String apiKey = exchange.meta().header("x-api-key");
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
