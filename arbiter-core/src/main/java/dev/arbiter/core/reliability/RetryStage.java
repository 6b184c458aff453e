package dev.arbiter.core.reliability;

import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.Interceptor;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.Trace;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The Retry stage: calls the current model through its deployments until one answers, at most
 * {@code max_attempts} upstream calls, never past the request's deadline. The balancer picks each deployment
 * (another one than the last failure's when there is one); a retry of the same deployment after a transient failure
 * waits a full-jitter backoff; a 429 cools the deployment down for its Retry-After; a 401/403 cools the key down and
 * moves on at once; caller errors, context overflows and refusals go straight back to the Attempts stage.
 */
final class RetryStage implements Interceptor {
    private final DeploymentPool pool;
    private final RetrySettings settings;
    private final Backoff backoff;
    private final Deadlines deadlines;
    private final TimeSource time;

    RetryStage(DeploymentPool pool, RetrySettings settings, Backoff backoff, Deadlines deadlines, TimeSource time) {
        this.pool = pool;
        this.settings = settings;
        this.backoff = backoff;
        this.deadlines = deadlines;
        this.time = time;
    }

    /** What this request has learnt about the model's deployments so far. */
    private static final class Tries {
        final Set<DeploymentState> excluded = new HashSet<>();
        DeploymentState avoid;
        FailureClass lastClass;
        ArbiterException last;
        int calls;
        int waits;
        int sameDeploymentRetries;
    }

    @Override
    public Outcome intercept(Chain chain) {
        Trace trace = chain.exchange().trace();
        DeploymentPool.Group group = pool.group(trace.model());
        Tries tries = new Tries();
        while (tries.calls < settings.maxAttempts()) {
            if (deadlines.expired(trace)) {
                throw tries.last != null ? tries.last : deadlinePassed(trace);
            }
            Lease lease = pool.lease(group, tries.excluded, tries.avoid);
            if (lease == null) {
                waitForADeployment(group, tries, trace);
                continue;
            }
            if (!backOffBeforeRetry(tries, lease, trace)) {
                lease.release(false);
                break;
            }
            tries.calls++;
            trace.deployment(lease.state().deployment());
            try {
                return track(chain.proceed(chain.exchange()), lease);
            } catch (ArbiterException e) {
                lease.release(FailureClass.of(e) == FailureClass.TRANSIENT);
                learn(tries, lease.state(), e);
            }
        }
        throw tries.last;
    }

    private Outcome track(Outcome outcome, Lease lease) {
        return switch (outcome) {
            case Outcome.Completed done -> {
                lease.release(true);
                yield done;
            }
            case Outcome.Streaming streaming -> {
                lease.state().latency().add(lease.elapsedNanos()); // time to commit is the stream's latency
                yield new Outcome.Streaming(new ObservedStream(streaming.stream(), new ObservedStream.Listener() {
                    @Override
                    public void ended() {
                        lease.release(false);
                    }

                    @Override
                    public void failed(ArbiterException failure) {
                        lease.release(false);
                    }

                    @Override
                    public void abandoned() {
                        lease.release(false);
                    }
                }));
            }
        };
    }

    /** Records a failed call and decides: throw (not retryable here), or loop with updated knowledge. */
    private void learn(Tries tries, DeploymentState failed, ArbiterException e) {
        FailureClass kind = FailureClass.of(e);
        if (kind != FailureClass.SKIPPED || tries.last == null) {
            tries.last = e;
        }
        switch (kind) {
            case FATAL, CONTEXT_OVERFLOW, CONTENT_POLICY -> throw e;
            case AUTH -> {
                pool.coolDownKey(failed, settings.keyCooldown());
                tries.excluded.add(failed);
            }
            case MODEL_MISSING -> tries.excluded.add(failed);
            case SKIPPED -> {
                tries.excluded.add(failed);
                tries.calls--;
            }
            case RATE_LIMITED -> pool.coolDown(failed, capped(e.retryAfter() != null ? e.retryAfter()
                    : backoff.delay(tries.calls - 1)));
            case TRANSIENT -> {
                if (e.retryAfter() != null) {
                    pool.coolDown(failed, capped(e.retryAfter()));
                }
            }
        }
        tries.avoid = failed;
        tries.lastClass = kind;
    }

    private Duration capped(Duration coolDown) {
        return coolDown.compareTo(settings.maxCooldown()) > 0 ? settings.maxCooldown() : coolDown;
    }

    /** After a transient failure, a retry of that same deployment waits the backoff; false when it would pass the deadline. */
    private boolean backOffBeforeRetry(Tries tries, Lease lease, Trace trace) {
        if (tries.lastClass != FailureClass.TRANSIENT || lease.state() != tries.avoid) {
            return true;
        }
        Duration delay = backoff.delay(tries.sameDeploymentRetries++);
        if (delay.compareTo(deadlines.remaining(trace)) >= 0) {
            return false;
        }
        sleep(delay, trace);
        return true;
    }

    /** No deployment can take a call now: wait for the soonest one to come back, if that is worth it, else give up. */
    private void waitForADeployment(DeploymentPool.Group group, Tries tries, Trace trace) {
        Duration wait = pool.soonestBack(group, tries.excluded);
        boolean worthIt = wait != null && !wait.isZero() && wait.compareTo(settings.maxWait()) <= 0
                && wait.compareTo(deadlines.remaining(trace)) < 0 && tries.waits++ < settings.maxAttempts();
        if (!worthIt) {
            throw tries.last != null ? tries.last : pool.unavailable(group, tries.excluded);
        }
        sleep(wait, trace);
    }

    private ArbiterException deadlinePassed(Trace trace) {
        return new ArbiterException(ErrorKind.PROVIDER_TIMEOUT, "the request's deadline passed before model '"
                + trace.model().id() + "' could be called", null, "deadline_exceeded", null);
    }

    private void sleep(Duration d, Trace trace) {
        try {
            time.sleep(d);
            trace.addUpstreamNanos(d.toNanos()); // waiting on an upstream's recovery is not gateway overhead
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArbiterException(ErrorKind.GATEWAY_INTERNAL_ERROR, "interrupted while waiting to retry");
        }
    }
}
