package dev.arbiter.embeddings;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} arguments of the build-time tools, with defaults; unknown names fail with a one-line message. */
final class ToolArgs {
    private final Map<String, String> values = new HashMap<>();

    ToolArgs(String[] args, Set<String> known) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !known.contains(name) || i + 1 == args.length) {
                throw new IllegalArgumentException("usage: --" + String.join(" VALUE --", known) + " VALUE"
                        + " (bad argument: " + args[i] + ")");
            }
            values.put(name, args[++i]);
        }
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int getInt(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    Path dataDir() {
        Path dir = values.containsKey("data") ? Path.of(values.get("data")) : LabelledPrompt.findDataDir();
        if (dir == null) {
            throw new IllegalArgumentException("shared/data/routing not found above the working directory: pass --data");
        }
        return dir;
    }
}
