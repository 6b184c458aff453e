package dev.arbiter.core.ledger;

import dev.arbiter.core.limits.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Projects spend forward from recorded daily spend (pure: no I/O, no clock). Each group's current rate is its
 * spend over the look-back window (the {@code lookbackDays} UTC days ending with {@code asOf}, today included)
 * divided by the days it was observed (the whole window, or the days since its first request when it started
 * later). Month k after the current one (k = 1..N) is projected at rate × G^(k/N) per day, so growth compounds
 * monthly and reaches G in the last month. A budget runs out on the first day its period's spend, starting from
 * what was already spent this period and adding the projected daily rate day by day (resetting when a new period
 * starts), reaches its limit; null when that does not happen within the N months.
 */
public final class Projection {
    /** How far to project and from how much history: N months, growth factor G by the last month, look-back days. */
    public record Settings(int months, double growth, int lookbackDays) {
        public static final Settings DEFAULTS = new Settings(12, 1.0, 30);

        public Settings {
            if (months < 1 || months > 120) {
                throw new IllegalArgumentException("months must be between 1 and 120, got " + months);
            }
            if (!(growth > 0) || Double.isInfinite(growth)) {
                throw new IllegalArgumentException("growth must be a positive factor (3 for 3x), got " + growth);
            }
            if (lookbackDays < 1 || lookbackDays > 366) {
                throw new IllegalArgumentException("the look-back must be between 1 and 366 days, got " + lookbackDays);
            }
        }
    }

    /** A budget to check: {@code subject} "*" means each subject of that scope separately. */
    public record Budget(GroupBy scope, String subject, BigDecimal usd, Period period) {
        public Budget {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(period, "period");
            if (usd == null || usd.signum() < 0) {
                throw new IllegalArgumentException("a budget must be zero or more USD, got " + usd);
            }
        }
    }

    /** One projected calendar month. */
    public record Month(YearMonth month, BigDecimal usd) {
    }

    /** One team's or route's projection: its current daily rate, each month's spend (cents) and their sum. */
    public record Line(String name, BigDecimal dailyUsd, List<Month> months, BigDecimal totalUsd) {
        public Line {
            months = List.copyOf(months);
        }
    }

    /** When one subject's budget would run out; {@code runsOutOn} null = not within the projected months. */
    public record RunOut(Budget budget, String subject, BigDecimal spentUsd, BigDecimal dailyUsd, LocalDate runsOutOn) {
    }

    /** The projection: as of which day, with which settings, per team, per route (largest first), per budget. */
    public record Result(LocalDate asOf, Settings settings, List<Line> teams, List<Line> routes, List<RunOut> budgets) {
        public Result {
            teams = List.copyOf(teams);
            routes = List.copyOf(routes);
            budgets = List.copyOf(budgets);
        }
    }

    private Projection() {
    }

    /** The groupings {@link #project} needs daily spend for: team, route and each budget's scope. */
    public static Set<GroupBy> needed(List<Budget> budgets) {
        Set<GroupBy> out = EnumSet.of(GroupBy.TEAM, GroupBy.ROUTE);
        budgets.forEach(b -> out.add(b.scope()));
        return out;
    }

    /** The first day the daily spend must cover: the look-back window's, or an earlier budget period's start. */
    public static LocalDate historyStart(LocalDate asOf, Settings settings, List<Budget> budgets) {
        LocalDate start = asOf.minusDays(settings.lookbackDays() - 1L);
        for (Budget b : budgets) {
            LocalDate periodStart = b.period().start(asOf.atStartOfDay(ZoneOffset.UTC).toInstant())
                    .atZone(ZoneOffset.UTC).toLocalDate();
            start = periodStart.isBefore(start) ? periodStart : start;
        }
        return start;
    }

    /** Projects from {@code daily} (per grouping, covering at least {@link #historyStart} to {@code asOf}). */
    public static Result project(Map<GroupBy, List<CostQuery.DailySpend>> daily, LocalDate asOf, Settings settings,
                                 List<Budget> budgets) {
        Growth growth = new Growth(asOf, settings);
        List<Line> teams = lines(new SpendHistory(daily.getOrDefault(GroupBy.TEAM, List.of()), asOf, settings), growth);
        List<Line> routes = lines(new SpendHistory(daily.getOrDefault(GroupBy.ROUTE, List.of()), asOf, settings), growth);
        List<RunOut> runOuts = new ArrayList<>();
        for (Budget b : budgets) {
            SpendHistory history = new SpendHistory(daily.getOrDefault(b.scope(), List.of()), asOf, settings);
            Set<String> subjects = "*".equals(b.subject()) ? history.names() : new LinkedHashSet<>(List.of(b.subject()));
            for (String subject : subjects) {
                if (subject != null) {
                    runOuts.add(growth.runOut(b, subject, history));
                }
            }
        }
        return new Result(asOf, settings, teams, routes, runOuts);
    }

    private static List<Line> lines(SpendHistory history, Growth growth) {
        List<Line> out = new ArrayList<>();
        for (String name : history.names()) {
            out.add(growth.line(name, history.dailyRate(name)));
        }
        out.sort(Comparator.comparing(Line::totalUsd).reversed()
                .thenComparing(Line::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }
}
