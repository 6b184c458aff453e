package dev.arbiter.server;

import dev.arbiter.core.routing.features.HeuristicFeatureExtractor;
import dev.arbiter.core.routing.quality.QualityProfile;
import dev.arbiter.core.routing.quality.QualityTrainer;
import dev.arbiter.core.routing.replay.OutcomeRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A quality profile for the routing tests' two models, fitted (once per JVM, written to a temporary file) the way
 * a team fits its own models: {@code acme/mini} answers everyday questions well (9 in 10) and hard systems-coding
 * tasks badly (1 in 9); {@code acme/frontier} answers nearly everything. The prompts the tests send are not among
 * the training prompts. Trained from scratch rather than from the shipped base so the tests do not depend on how
 * the base profile is calibrated.
 */
final class TeamProfile {
    static final String MINI = "acme/mini";
    static final String FRONTIER = "acme/frontier";

    private static final String[] CHAT = {"What is the capital of %s?", "Who is a famous writer from %s?",
            "How do I say thank you in the language of %s?", "What is the population of %s, roughly?",
            "Tell me a fun fact about %s.", "What currency do they use in %s?"};
    private static final String[] PLACES = {"Spain", "Italy", "Japan", "Peru", "Kenya", "Norway", "Chile", "Egypt"};
    private static final String[] CODE = {
            "Implement a lock-free %s in C++ with hazard pointers for safe memory reclamation.",
            "Write a concurrent %s in Rust without locks and prove it is linearizable.",
            "Implement a wait-free %s in Java using only compare-and-swap; explain how you avoid the ABA problem.",
            "Design and implement a %s in C++ that supports concurrent readers and writers with epoch-based reclamation."};
    private static final String[] STRUCTURES = {"queue", "hash map", "B-tree", "priority queue", "deque",
            "radix tree", "stack", "ring buffer"};

    private TeamProfile() {
    }

    static Path file() {
        return Holder.FILE;
    }

    private static Path fit() {
        List<OutcomeRow> rows = new ArrayList<>();
        int i = 0;
        for (String question : CHAT) {
            for (String place : PLACES) {
                rows.add(OutcomeRow.ofScores("chat-" + i, "team", "chat", question.formatted(place),
                        Map.of(MINI, i % 10 == 9 ? 0.0 : 1.0, FRONTIER, 1.0)));
                i++;
            }
        }
        for (String task : CODE) {
            for (String structure : STRUCTURES) {
                rows.add(OutcomeRow.ofScores("code-" + i, "team", "code", task.formatted(structure),
                        Map.of(MINI, i % 9 == 0 ? 1.0 : 0.0, FRONTIER, i % 9 == 1 ? 0.0 : 1.0)));
                i++;
            }
        }
        QualityProfile profile = new QualityTrainer(new HeuristicFeatureExtractor()).fitBase(rows, List.of());
        try {
            Path file = Files.createTempFile("arbiter-team-profile", ".json");
            file.toFile().deleteOnExit();
            profile.save(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Holder {
        static final Path FILE = fit();
    }
}
