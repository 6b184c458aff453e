package dev.arbiter.core.reliability;

import dev.arbiter.core.catalog.Deployment;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.Interceptor;
import dev.arbiter.core.pipeline.Outcome;
import dev.arbiter.core.pipeline.Trace;

/**
 * The CircuitBreaker stage: asks the chosen deployment's breaker for a permit (refusing at once when the circuit is
 * open) and reports the call's outcome to it: a provider failure or a call slower than the slow-call threshold counts
 * against the deployment; a rate limit, a bad key or an abandoned stream says nothing either way. A stream's outcome
 * is reported when it ends; its duration is the time until it was committed.
 */
final class BreakerStage implements Interceptor {
    private final DeploymentPool pool;
    private final TimeSource time;

    BreakerStage(DeploymentPool pool, TimeSource time) {
        this.pool = pool;
        this.time = time;
    }

    @Override
    public Outcome intercept(Chain chain) {
        Trace trace = chain.exchange().trace();
        Deployment deployment = trace.deployment() != null ? trace.deployment() : trace.model().deployments().getFirst();
        DeploymentState state = pool.group(trace.model()).members().stream()
                .filter(s -> DeploymentState.Key.of(s.deployment()).equals(DeploymentState.Key.of(deployment)))
                .findFirst().orElse(null);
        if (state == null) {
            return chain.proceed(chain.exchange()); // a deployment without a running provider: ProviderCall explains
        }
        CircuitBreaker.Permit permit = state.breaker().tryAcquire();
        if (permit == null) {
            throw new ArbiterException(ErrorKind.PROVIDER_UNAVAILABLE, "The circuit of deployment '" + deployment.id()
                    + "' is open after repeated failures.", null, FailureClass.CIRCUIT_OPEN, null);
        }
        long start = time.nanos();
        try {
            Outcome outcome = chain.proceed(chain.exchange());
            long took = time.nanos() - start;
            return switch (outcome) {
                case Outcome.Completed done -> {
                    permit.record(false, took);
                    yield done;
                }
                case Outcome.Streaming streaming -> new Outcome.Streaming(new ObservedStream(streaming.stream(),
                        new ObservedStream.Listener() {
                            @Override
                            public void ended() {
                                permit.record(false, took);
                            }

                            @Override
                            public void failed(ArbiterException failure) {
                                settle(permit, failure, took);
                            }

                            @Override
                            public void abandoned() {
                                permit.release();
                            }
                        }));
            };
        } catch (ArbiterException e) {
            settle(permit, e, time.nanos() - start);
            throw e;
        } catch (RuntimeException e) {
            permit.release();
            throw e;
        }
    }

    private static void settle(CircuitBreaker.Permit permit, ArbiterException failure, long nanos) {
        FailureClass kind = FailureClass.of(failure);
        if (kind.neutral()) {
            permit.release();
        } else {
            permit.record(kind.breakerFailure(), nanos);
        }
    }
}
