package dev.arbiter.core.limits;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.json.Json;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Logs every soft-threshold alert and, when a webhook is configured, POSTs it there as JSON without waiting for
 * the answer; a failed or refused POST is logged, never thrown. The body:
 * <pre>{@code
 * {"type": "budget_threshold", "message": "team t1's monthly budget of $100.00 is 80% spent (...)",
 *  "budget": {"scope": "team", "subject": "t1", "name": "team t1", "period": "month",
 *             "period_start": "2026-05-01T00:00:00Z", "period_end": "2026-06-01T00:00:00Z", "limit_usd": 100.00},
 *  "threshold": 0.8, "threshold_usd": 80.00, "spent_usd": 80.03, "at": "2026-05-17T09:12:44Z"}
 * }</pre>
 */
public final class WebhookAlerts implements AlertSink {
    private static final System.Logger LOG = System.getLogger(WebhookAlerts.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI webhook;
    private final HttpClient http;

    /** Alerts that are only logged. */
    public static WebhookAlerts logOnly() {
        return new WebhookAlerts(null, null);
    }

    /** Alerts logged and POSTed to {@code webhook} (null = logged only). */
    public static WebhookAlerts to(URI webhook) {
        return webhook == null ? logOnly()
                : new WebhookAlerts(webhook, HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    }

    private WebhookAlerts(URI webhook, HttpClient http) {
        this.webhook = webhook;
        this.http = http;
    }

    @Override
    public void thresholdCrossed(BudgetAlert alert) {
        LOG.log(Level.WARNING, "budget alert: " + alert.message());
        if (webhook == null) {
            return;
        }
        HttpRequest post = HttpRequest.newBuilder(webhook).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(alert).toString())).build();
        try {
            http.sendAsync(post, HttpResponse.BodyHandlers.discarding()).whenComplete((res, failure) -> {
                if (failure != null) {
                    LOG.log(Level.WARNING, "budget alert webhook " + webhook + " failed: " + failure);
                } else if (res.statusCode() / 100 != 2) {
                    LOG.log(Level.WARNING, "budget alert webhook " + webhook + " answered " + res.statusCode());
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "budget alert webhook " + webhook + " could not be called: " + e);
        }
    }

    /** The JSON body POSTed for one alert (see the class comment). */
    public static ObjectNode body(BudgetAlert alert) {
        Budget b = alert.budget();
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("type", "budget_threshold");
        root.put("message", alert.message());
        ObjectNode budget = root.putObject("budget");
        budget.put("scope", b.scope().label());
        budget.put("subject", b.subject());
        budget.put("name", b.name());
        budget.put("period", b.spec().period().label());
        budget.put("period_start", alert.periodStart().toString());
        budget.put("period_end", b.spec().period().end(alert.periodStart()).toString());
        budget.put("limit_usd", Money.tidy(b.spec().usd()));
        root.put("threshold", alert.fraction());
        root.put("threshold_usd", Money.tidy(b.spec().usd().multiply(alert.fraction())));
        root.put("spent_usd", Money.tidy(alert.spent()));
        root.put("at", alert.at().toString());
        return root;
    }
}
