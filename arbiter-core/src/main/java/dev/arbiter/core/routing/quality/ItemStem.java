package dev.arbiter.core.routing.quality;

import java.util.Locale;

/**
 * The key that recognises one benchmark item across outcome files that format it differently (RouterBench's
 * five-shot ARC prompt and open7b's "Question: ...", MBPP in a docstring or bare): the first non-blank line of the
 * prompt's last paragraph, without a docstring fence or a "Question:" label, lower-cased to letters and digits,
 * at most {@value #MAX} of them. Lines under {@value #MIN} such characters (CJK text, a lone "Answer:") are too
 * generic to identify an item, so the whole prompt is the key.
 */
final class ItemStem {
    static final int MIN = 20;
    static final int MAX = 60;

    private ItemStem() {
    }

    static String of(String prompt) {
        String[] paragraphs = prompt.strip().split("\\n[ \\t]*\\n");
        String last = paragraphs[paragraphs.length - 1].replace("\"\"\"", "").strip();
        if (last.startsWith("Question:")) {
            last = last.substring("Question:".length());
        }
        for (String line : last.split("\\n")) {
            if (!line.isBlank()) {
                String key = line.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
                return key.length() < MIN ? prompt : key.substring(0, Math.min(MAX, key.length()));
            }
        }
        return prompt;
    }
}
