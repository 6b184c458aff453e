package dev.arbiter.core.limits;

import static dev.arbiter.core.limits.Budgets.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.tenancy.Principal;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which budgets and rate limits apply to a principal, a route and a model. */
class LimitRulesTest {
    private static final Principal ALICE = new Principal("key-1", "sk-arb-3f9a", "alice", "t1", List.of(),
            new BudgetSpec(usd("50"), Period.MONTH), new RateLimitSpec(10L, null));

    private static BudgetRule budget(BudgetRule.Scope scope, String subject, String usd, Period period) {
        return new BudgetRule(scope, subject, new BudgetSpec(usd(usd), period), List.of(), null);
    }

    @Test
    void theKeysOwnBudgetComesFirstThenUserTeamAndRouteRules() {
        LimitRules rules = new LimitRules(List.of(
                budget(BudgetRule.Scope.ROUTE, "coding", "500", Period.MONTH),
                budget(BudgetRule.Scope.TEAM, "t1", "100", Period.MONTH),
                budget(BudgetRule.Scope.USER, "*", "5", Period.DAY),
                budget(BudgetRule.Scope.TEAM, "t2", "100", Period.MONTH)), List.of());

        List<Budget> budgets = rules.budgetsFor(ALICE, "coding");

        assertThat(budgets).extracting(Budget::describe).containsExactly(
                "key sk-arb-3f9a's monthly budget of $50.00",
                "user alice's daily budget of $5.00",
                "team t1's monthly budget of $100.00",
                "route coding's monthly budget of $500.00");
        assertThat(budgets.getFirst().subject()).isEqualTo("key-1"); // counted by key id, named by prefix
    }

    @Test
    void eachSubjectOfAStarRuleHasItsOwnCounter() {
        LimitRules rules = new LimitRules(List.of(budget(BudgetRule.Scope.USER, "*", "5", Period.DAY)), List.of());
        Principal bob = new Principal("key-2", "sk-arb-77aa", "bob", "t1", List.of(), null, null);

        String alice = rules.budgetsFor(ALICE, "direct").getLast().counterId(java.time.Instant.EPOCH);
        String bobs = rules.budgetsFor(bob, "direct").getFirst().counterId(java.time.Instant.EPOCH);

        assertThat(alice).isEqualTo("user:day:1970-01-01:alice");
        assertThat(bobs).isEqualTo("user:day:1970-01-01:bob");
    }

    @Test
    void twoBudgetsOnTheSameCounterCollapseIntoTheStricterWithBothAlerts() {
        LimitRules rules = new LimitRules(List.of(
                new BudgetRule(BudgetRule.Scope.KEY, "*", new BudgetSpec(usd("80"), Period.MONTH),
                        List.of(new BigDecimal("0.5")), BudgetRule.OnExceed.PAYMENT_REQUIRED),
                new BudgetRule(BudgetRule.Scope.KEY, "key-1", new BudgetSpec(usd("20"), Period.MONTH),
                        List.of(new BigDecimal("0.9")), null)), List.of());

        List<Budget> budgets = rules.budgetsFor(ALICE, null);

        assertThat(budgets).singleElement().satisfies(b -> {
            assertThat(b.spec().usd()).isEqualByComparingTo("20");
            assertThat(b.alertAt()).containsExactly(new BigDecimal("0.5"), new BigDecimal("0.9"));
        });
    }

    @Test
    void anOpenGatewayHasOnlyRouteBudgets() {
        LimitRules rules = new LimitRules(List.of(
                budget(BudgetRule.Scope.USER, "*", "5", Period.DAY),
                budget(BudgetRule.Scope.ROUTE, "*", "1", Period.DAY)), List.of(
                new RateLimitRule(RateLimitRule.Scope.KEY, "*", new RateLimitSpec(60L, null))));

        assertThat(rules.budgetsFor(Principal.OPEN, "direct")).extracting(Budget::name).containsExactly("route direct");
        assertThat(rules.rateLimitsFor(Principal.OPEN, "m")).isEmpty();
    }

    @Test
    void rateLimitsApplyPerKeyTeamAndModelAndTheLowerOfTwoOnOneCellWins() {
        LimitRules rules = new LimitRules(List.of(), List.of(
                new RateLimitRule(RateLimitRule.Scope.KEY, "*", new RateLimitSpec(600L, 200_000L)),
                new RateLimitRule(RateLimitRule.Scope.TEAM, "t1", new RateLimitSpec(null, 1_000_000L)),
                new RateLimitRule(RateLimitRule.Scope.MODEL, "anthropic/claude-opus-4.6", new RateLimitSpec(100L, null)),
                new RateLimitRule(RateLimitRule.Scope.MODEL, "openai/gpt-5.4", new RateLimitSpec(5L, null))));

        List<RateLimit> limits = rules.rateLimitsFor(ALICE, "anthropic/claude-opus-4.6");

        assertThat(limits).extracting(l -> l.name() + " " + l.spec()).containsExactly(
                "key sk-arb-3f9a RateLimitSpec[rpm=10, tpm=200000]",
                "team t1 RateLimitSpec[rpm=null, tpm=1000000]",
                "model anthropic/claude-opus-4.6 RateLimitSpec[rpm=100, tpm=null]");
    }
}
