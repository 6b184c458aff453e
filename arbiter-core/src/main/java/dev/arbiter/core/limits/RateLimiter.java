package dev.arbiter.core.limits;

import java.util.List;

/**
 * Requests and tokens per minute. {@link #acquire} is all-or-nothing across the limits given: it charges one
 * request on every rpm limit and the request's estimated input tokens on every tpm limit, or charges nothing and
 * says which limit refused and when to retry. {@link #correct} replaces the estimate by the tokens really used
 * (input and output), a debit that can hold off the next requests or a credit that lets them in sooner.
 */
public interface RateLimiter {
    RateResult acquire(List<RateLimit> limits, long estimatedTokens);

    void correct(RatePermit permit, long actualTokens);

    /** What {@link #acquire} answers: a {@link RatePermit} or a {@link RateRefusal}. */
    sealed interface RateResult permits RatePermit, RateRefusal {
    }
}
