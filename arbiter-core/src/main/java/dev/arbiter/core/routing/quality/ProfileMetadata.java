package dev.arbiter.core.routing.quality;

import java.util.List;

/**
 * Where a profile came from, without dates so the same inputs give the same bytes: "base" or "fit", the outcome
 * files (name, rows, SHA-256) it was fitted on, the base profile's files for a fit, the row and triple counts,
 * the feature extractor's class name and the trainer options.
 */
public record ProfileMetadata(String kind, List<DataFile> files, List<DataFile> baseFiles, int rows, int triples,
                              String featureExtractor, TrainerOptions options) {
    public ProfileMetadata {
        files = List.copyOf(files);
        baseFiles = List.copyOf(baseFiles);
    }

    /** One training file: its name (not its path, which differs between machines), row count and content hash. */
    public record DataFile(String name, int rows, String sha256) {
    }
}
