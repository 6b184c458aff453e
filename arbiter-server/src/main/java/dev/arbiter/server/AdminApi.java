package dev.arbiter.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.ingress.openai.OpenAiIngress;
import dev.arbiter.core.json.Json;
import dev.arbiter.core.ledger.CostQuery;
import dev.arbiter.core.ledger.CostReportJson;
import dev.arbiter.core.tenancy.Authenticator;
import dev.arbiter.core.tenancy.IssuedKey;
import dev.arbiter.core.tenancy.KeyJson;
import dev.arbiter.core.tenancy.KeySpec;
import dev.arbiter.core.tenancy.KeyStore;
import dev.arbiter.core.tenancy.VirtualKey;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The admin API under {@code /admin}: issue, list and revoke virtual keys, and report costs, for callers holding
 * the admin key ({@code Authorization: Bearer <admin key>}). Every answer is JSON, every failure an OpenAI-style
 * error. Without an admin key the gateway runs open and every admin path answers 403 saying how to turn it on.
 */
public final class AdminApi {
    private static final System.Logger LOG = System.getLogger(AdminApi.class.getName());
    static final long MAX_BODY_BYTES = 64 * 1024;
    private static final String KEYS = "/admin/keys";
    private static final String COSTS = "/admin/costs";

    private final KeyStore keys;
    private final Authenticator authenticator;
    private final CostQuery costs;
    private final AdminAuth auth;
    private final Clock clock;
    private final ErrorWriter errors = new ErrorWriter(new OpenAiIngress());
    private final BodyReader bodies = new BodyReader(MAX_BODY_BYTES);

    AdminApi(KeyStore keys, Authenticator authenticator, CostQuery costs, String adminKey, Clock clock) {
        this.keys = keys;
        this.authenticator = authenticator;
        this.costs = costs;
        this.auth = adminKey == null ? null : new AdminAuth(adminKey);
        this.clock = clock;
    }

    /**
     * The admin API over a key store, the authenticator the gateway checks keys with (told of revokes at once) and
     * the ledger's cost query (null when the ledger is off: /admin/costs then says so). A null admin key is
     * {@link #disabled()}.
     */
    public static AdminApi create(KeyStore keys, Authenticator authenticator, CostQuery costs, String adminKey) {
        if (adminKey == null) {
            return disabled();
        }
        return new AdminApi(Objects.requireNonNull(keys, "keys"), Objects.requireNonNull(authenticator, "authenticator"),
                costs, adminKey, Clock.systemUTC());
    }

    /** The admin API of a gateway that runs open: every admin path answers 403 saying how to enable it. */
    public static AdminApi disabled() {
        return new AdminApi(null, null, null, null, Clock.systemUTC());
    }

    public boolean enabled() {
        return auth != null;
    }

    /** Adds the admin routes; call before any catch-all route. */
    void register(HttpRouting.Builder routing) {
        routing.post(KEYS, guarded(this::createKey))
                .get(KEYS, guarded(this::listKeys))
                .delete(KEYS + "/{id}", guarded(this::revokeKey))
                .get(COSTS, guarded(this::costs));
    }

    /**
     * {@code handler} behind the admin key (for {@code server.metrics_auth}); refused at start when no admin key is
     * set, since nobody could then call it.
     */
    Handler requiringAdminKey(BiConsumer<ServerRequest, ServerResponse> handler) {
        if (auth == null) {
            throw new IllegalStateException("server.metrics_auth: true needs an admin key: set ARBITER_ADMIN_KEY (or"
                    + " auth.admin_key in the config), or turn metrics_auth off");
        }
        return guarded(handler::accept);
    }

    /** Whether a path is the admin API's to answer (including its unknown paths). */
    static boolean owns(String path) {
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    /** An admin path no route took: 405 for a wrong method on a known path, else 404 (both after the admin check). */
    void notRouted(ServerRequest req, ServerResponse res) {
        guarded((rq, rs) -> {
            String path = rq.path().path();
            String allow = path.equals(KEYS) ? "GET, POST" : path.equals(COSTS) ? "GET"
                    : path.startsWith(KEYS + "/") && path.indexOf('/', KEYS.length() + 1) < 0 ? "DELETE" : null;
            if (allow != null) {
                rs.header("Allow", allow);
                throw new ArbiterException(ErrorKind.CALLER_METHOD_NOT_ALLOWED, "Method " + rq.prologue().method().text()
                        + " is not allowed on " + path + " (allowed: " + allow + ").", null, "method_not_allowed", null);
            }
            throw new ArbiterException(ErrorKind.CALLER_NOT_FOUND, "No such admin endpoint: " + path + ". The admin API"
                    + " serves POST/GET " + KEYS + ", DELETE " + KEYS + "/{id or prefix} and GET " + COSTS + ".",
                    null, "not_found", null);
        }).run(req, res);
    }

    private void createKey(ServerRequest req, ServerResponse res) {
        KeySpec spec = KeySpecReader.read(bodies.read(req));
        IssuedKey issued = stored("key", () -> keys.create(spec));
        LOG.log(Level.INFO, () -> "issued key " + issued.key().id() + " (" + issued.key().prefix() + "…) for user "
                + spec.user() + ", team " + spec.team());
        send(res, 201, KeyJson.render(issued));
    }

    private void listKeys(ServerRequest req, ServerResponse res) {
        ArrayNode data = Json.array();
        stored("key", keys::list).forEach(k -> data.add(KeyJson.render(k)));
        ObjectNode body = Json.object().put("object", "list");
        body.set("data", data);
        send(res, 200, body);
    }

    private void revokeKey(ServerRequest req, ServerResponse res) {
        String idOrPrefix = req.path().pathParameters().get("id");
        VirtualKey key = stored("key", () -> keys.revoke(idOrPrefix)).orElseThrow(() -> new ArbiterException(
                ErrorKind.CALLER_NOT_FOUND, "No key has the id or prefix '" + idOrPrefix + "' (GET " + KEYS
                + " lists them).", "id", "key_not_found", null));
        authenticator.invalidate(key);
        LOG.log(Level.INFO, () -> "revoked key " + key.id() + " (" + key.prefix() + "…)");
        send(res, 200, KeyJson.render(key));
    }

    private void costs(ServerRequest req, ServerResponse res) {
        if (costs == null) {
            throw new ArbiterException(ErrorKind.CALLER_NOT_FOUND, "Cost reports need the ledger, which is off in"
                    + " this gateway (set ledger.enabled: true in the config).", null, "ledger_disabled", null);
        }
        CostParams params = CostParams.read(req.query(), clock);
        send(res, 200, CostReportJson.node(stored("ledger", () -> costs.costs(params.by(), params.from(), params.to()))));
    }

    /** Runs a store call; a store failure (not bad input) is a logged 503 rather than a 500. */
    private static <T> T stored(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ArbiterException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "the " + what + " store failed during an admin request", e);
            throw new ArbiterException(ErrorKind.GATEWAY_NOT_READY, "The gateway's " + what + " store is unavailable"
                    + " (the failure was logged); try again shortly.", null, what + "_store_unavailable", null);
        }
    }

    private static void send(ServerResponse res, int status, JsonNode body) {
        res.status(status);
        res.header("Content-Type", "application/json");
        res.header("Cache-Control", "no-store"); // answers carry secrets (a new key) or spend
        res.send(CostReportJson.bytes(body));
    }

    /** The admin check, then the handler; every failure becomes a JSON error. */
    private Guarded guarded(AdminHandler handler) {
        return (req, res) -> {
            try {
                if (auth == null) {
                    throw disabledError();
                }
                auth.check(req);
                handler.handle(req, res);
            } catch (ArbiterException e) {
                errors.send(res, e);
            } catch (RuntimeException e) {
                errors.sendUnexpected(res, e);
            }
        };
    }

    private static ArbiterException disabledError() {
        return new ArbiterException(ErrorKind.CALLER_FORBIDDEN, "The admin API is off: this gateway runs open because"
                + " no admin key is set. Set ARBITER_ADMIN_KEY (or auth.admin_key in the config) and restart to turn on"
                + " virtual keys and the admin API.", null, "admin_api_disabled", null);
    }

    /** An admin handler: throws ArbiterException for anything the caller should hear about. */
    @FunctionalInterface
    private interface AdminHandler {
        void handle(ServerRequest req, ServerResponse res);
    }

    /** A guarded handler: never throws. */
    @FunctionalInterface
    private interface Guarded extends Handler {
        void run(ServerRequest req, ServerResponse res);

        @Override
        default void handle(ServerRequest req, ServerResponse res) {
            run(req, res);
        }
    }
}
