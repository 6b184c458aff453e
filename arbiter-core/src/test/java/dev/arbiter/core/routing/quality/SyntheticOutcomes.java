package dev.arbiter.core.routing.quality;

import dev.arbiter.core.routing.replay.OutcomeRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Outcome rows drawn from a known IRT model: each prompt names a difficulty word ("trivial" to "brutal"), coding
 * prompts contain "code"; model m succeeds with probability σ(skill(m, task) − difficulty(word)).
 */
final class SyntheticOutcomes {
    static final String[] WORDS = {"trivial", "easy", "medium", "hard", "brutal"};
    static final double[] DIFFICULTY = {-2.5, -1, 0, 1, 2.5};
    static final String[] FILLER = {"please", "answer", "the", "question", "about", "cats", "rivers", "numbers"};

    private SyntheticOutcomes() {
    }

    /** {@code skills} maps model name to {chat skill, coding skill}. */
    static List<OutcomeRow> rows(int count, Map<String, double[]> skills, long seed, String source) {
        Random random = new Random(seed);
        List<OutcomeRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int level = random.nextInt(WORDS.length);
            boolean coding = random.nextBoolean();
            StringBuilder prompt = new StringBuilder();
            for (int j = 0; j < 4; j++) {
                prompt.append(FILLER[random.nextInt(FILLER.length)]).append(' ');
            }
            prompt.append(WORDS[level]).append(coding ? " code" : " talk");
            Map<String, Double> scores = new LinkedHashMap<>();
            skills.forEach((model, skill) -> {
                double z = skill[coding ? 1 : 0] - DIFFICULTY[level];
                scores.put(model, random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1.0 : 0.0);
            });
            rows.add(OutcomeRow.ofScores(source + "/" + i, source, coding ? "code" : "chat", prompt.toString(), scores));
        }
        return rows;
    }

    static Map<String, double[]> threeModels() {
        Map<String, double[]> skills = new LinkedHashMap<>();
        skills.put("strong", new double[] {1.5, 1.5});
        skills.put("middling", new double[] {0.3, -0.3});
        skills.put("coder", new double[] {-1.0, 1.0});
        return skills;
    }
}
