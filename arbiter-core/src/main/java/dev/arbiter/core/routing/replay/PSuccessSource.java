package dev.arbiter.core.routing.replay;

import dev.arbiter.core.routing.QualityModel;
import dev.arbiter.core.routing.RequestFeatures;
import java.util.Objects;

/** Where replay gets each model's probability of success on a row: a predictions file or a live quality model. */
public interface PSuccessSource {
    double pSuccess(OutcomeRow row, RequestFeatures features, String model);

    static PSuccessSource of(Predictions predictions) {
        Objects.requireNonNull(predictions, "predictions");
        return (row, features, model) -> predictions.p(row.id(), model);
    }

    /** Asks the quality model; a model it cannot score fails naming the model (it must not be asked, see its doc). */
    static PSuccessSource of(QualityModel quality) {
        Objects.requireNonNull(quality, "quality");
        return (row, features, model) -> {
            if (!quality.models().contains(model)) {
                throw new ReplayException("the quality model knows nothing of model " + model
                        + " (fit it on this data first: arbiter router fit)");
            }
            return quality.pSuccess(features, model);
        };
    }
}
