package dev.arbiter.core.router;

import dev.arbiter.core.routing.QualityModel;
import dev.arbiter.core.routing.RequestFeatures;
import dev.arbiter.core.routing.quality.QualityProfile;

/** One request's quality view, featurised once and then asked about each candidate cheaply. */
interface PreparedQuality {
    double difficulty();

    double pSuccess(String model);

    /** A fitted profile prepares the request once; any other quality model is asked per model. */
    static PreparedQuality of(QualityModel quality, RequestFeatures features) {
        if (quality instanceof QualityProfile profile) {
            QualityProfile.Prepared prepared = profile.prepare(features);
            return new PreparedQuality() {
                @Override
                public double difficulty() {
                    return prepared.difficulty();
                }

                @Override
                public double pSuccess(String model) {
                    return prepared.pSuccess(model);
                }
            };
        }
        double difficulty = quality.difficulty(features);
        return new PreparedQuality() {
            @Override
            public double difficulty() {
                return difficulty;
            }

            @Override
            public double pSuccess(String model) {
                return quality.pSuccess(features, model);
            }
        };
    }
}
