package dev.arbiter.core.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.config.RoutingConfig;
import dev.arbiter.core.error.ArbiterException;
import dev.arbiter.core.error.ErrorKind;
import dev.arbiter.core.pipeline.RequestMeta;
import dev.arbiter.core.routing.PolicySettings;
import dev.arbiter.core.routing.TaskType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which quality bar and cost cap are in force: header, route per task, route, routing per task, default. */
class RouterSettingsTest {
    private static final RoutingConfig ROUTING = new RoutingConfig(0.7, Map.of(TaskType.CODING, 0.75), null, List.of());
    private static final RouteSpec PLAIN = spec(null, Map.of(), null);
    private static final RouteSpec WITH_BAR = spec(0.85, Map.of(), null);
    private static final RouteSpec WITH_TASK_BAR = spec(0.85, Map.of(TaskType.CODING, 0.95), 0.02);

    @Test
    void theDefaultBarAppliesWhenNothingElseIsSet() {
        assertThat(bar(PLAIN, TaskType.CHAT, Map.of())).isEqualTo(0.7);
    }

    @Test
    void theRoutingSectionsTaskBarBeatsTheDefault() {
        assertThat(bar(PLAIN, TaskType.CODING, Map.of())).isEqualTo(0.75);
    }

    @Test
    void theRoutesBarBeatsTheRoutingSections() {
        assertThat(bar(WITH_BAR, TaskType.CODING, Map.of())).isEqualTo(0.85);
    }

    @Test
    void theRoutesTaskBarBeatsTheRoutesBar() {
        assertThat(bar(WITH_TASK_BAR, TaskType.CODING, Map.of())).isEqualTo(0.95);
        assertThat(bar(WITH_TASK_BAR, TaskType.CHAT, Map.of())).isEqualTo(0.85);
    }

    @Test
    void theHeaderBeatsEverything() {
        assertThat(bar(WITH_TASK_BAR, TaskType.CODING, Map.of("x-arbiter-quality-bar", " 0.5 "))).isEqualTo(0.5);
    }

    @Test
    void theCostCapComesFromTheHeaderElseTheRoute() {
        assertThat(settings(WITH_TASK_BAR, TaskType.CHAT, Map.of()).maxCostUsd()).isEqualTo(0.02);
        assertThat(settings(WITH_TASK_BAR, TaskType.CHAT, Map.of("x-arbiter-max-cost-usd", "0.001")).maxCostUsd())
                .isEqualTo(0.001);
        assertThat(settings(PLAIN, TaskType.CHAT, Map.of()).maxCostUsd()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.1", "abc", "NaN", "Infinity", "0x1p-1", "", "0.5d"})
    void aQualityBarHeaderThatIsNotAProbabilityIsA400NamingTheHeader(String value) {
        assertThatThrownBy(() -> bar(PLAIN, TaskType.CHAT, Map.of("x-arbiter-quality-bar", value)))
                .isInstanceOfSatisfying(ArbiterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CALLER_INVALID_REQUEST);
                    assertThat(e.param()).isEqualTo("x-arbiter-quality-bar");
                    assertThat(e.getMessage()).contains("x-arbiter-quality-bar").contains("between 0 and 1");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "cheap", "1e999"})
    void aCostCapHeaderThatIsNotANonNegativeNumberIsA400NamingTheHeader(String value) {
        assertThatThrownBy(() -> settings(PLAIN, TaskType.CHAT, Map.of("x-arbiter-max-cost-usd", value)))
                .isInstanceOfSatisfying(ArbiterException.class, e ->
                        assertThat(e.param()).isEqualTo("x-arbiter-max-cost-usd"));
    }

    private static double bar(RouteSpec spec, TaskType task, Map<String, String> headers) {
        return settings(spec, task, headers).qualityBar();
    }

    private static PolicySettings settings(RouteSpec spec, TaskType task, Map<String, String> headers) {
        return RequestSettings.resolve(spec, ROUTING, task, new RequestMeta(headers, "openai", 0));
    }

    private static RouteSpec spec(Double bar, Map<TaskType, Double> bars, Double cap) {
        return new RouteSpec("r", "cheapest-meeting-bar", null, null, null, bar, bars, cap, null);
    }
}
