package dev.arbiter.core.config;

import dev.arbiter.core.routing.TaskType;
import dev.arbiter.core.routing.quality.QualityProfile;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code routing} mapping: {@code default_quality_bar}, {@code quality_bars} per task type and an
 * optional {@code quality_profile} file (relative paths are taken from the config file's directory), which is
 * loaded once here so a bad profile stops the start with a positioned error.
 */
final class RoutingSection {
    private static final Set<String> KEYS = Set.of("default_quality_bar", "quality_bars", "quality_profile");

    private RoutingSection() {
    }

    /** The routing settings, with {@code routes} (read separately) attached. */
    static RoutingConfig read(Cursor c, List<RouteConfig> routes) {
        if (c == null) {
            return new RoutingConfig(RoutingConfig.DEFAULT_QUALITY_BAR, Map.of(), null, routes);
        }
        Fields f = c.fields(KEYS);
        double bar = f.optional("default_quality_bar").map(QualityBars::bar).orElse(RoutingConfig.DEFAULT_QUALITY_BAR);
        Map<TaskType, Double> bars = f.optional("quality_bars").map(QualityBars::perTask).orElse(Map.of());
        Path profile = f.optional("quality_profile").map(RoutingSection::profile).orElse(null);
        return new RoutingConfig(bar, bars, profile, routes);
    }

    private static Path profile(Cursor c) {
        String text = c.requiredText();
        Path path;
        try {
            Path given = Path.of(text);
            Path configDir = Path.of(c.file()).toAbsolutePath().getParent();
            path = given.isAbsolute() || configDir == null ? given : configDir.resolve(given).normalize();
        } catch (InvalidPathException e) {
            throw c.error("'" + text + "' is not a valid file path");
        }
        try {
            QualityProfile.load(path);
        } catch (RuntimeException e) {
            throw c.error(e.getMessage() + " (write one with `arbiter router fit`)");
        }
        return path;
    }
}
