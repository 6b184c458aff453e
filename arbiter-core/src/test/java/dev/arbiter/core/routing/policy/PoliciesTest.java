package dev.arbiter.core.routing.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PoliciesTest {

    @Test
    void findsEachRegisteredPolicyByItsName() {
        for (String name : Policies.names()) {
            assertThat(Policies.byName(name).name()).isEqualTo(name);
        }
        assertThat(Policies.names()).containsExactly("cheapest-meeting-bar", "best-within-budget");
    }

    @Test
    void anUnknownNameFailsListingTheKnownOnes() {
        assertThatThrownBy(() -> Policies.byName("cheapest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown policy 'cheapest' (known: cheapest-meeting-bar, best-within-budget)");
    }
}
