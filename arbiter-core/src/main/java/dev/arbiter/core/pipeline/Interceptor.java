package dev.arbiter.core.pipeline;

/**
 * One stage of the request path. It may inspect or replace the exchange, call {@link Chain#proceed} to run
 * the rest of the pipeline, and inspect or replace the outcome on the way back (OkHttp's interceptor shape).
 */
public interface Interceptor {
    Outcome intercept(Chain chain);

    /** The rest of the pipeline, as seen from one stage. */
    interface Chain {
        Exchange exchange();

        Outcome proceed(Exchange exchange);
    }
}
