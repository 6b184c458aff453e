package dev.arbiter.core.ledger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The projected rate over the coming months: month k after {@code asOf}'s runs at G^(k/N) times today's rate. */
final class Growth {
    private final LocalDate asOf;
    private final YearMonth current;
    private final Projection.Settings settings;
    private final BigDecimal[] factors; // index k = months after the current one, 0..N

    Growth(LocalDate asOf, Projection.Settings settings) {
        this.asOf = asOf;
        this.current = YearMonth.from(asOf);
        this.settings = settings;
        this.factors = new BigDecimal[settings.months() + 1];
        for (int k = 0; k <= settings.months(); k++) {
            factors[k] = BigDecimal.valueOf(Math.pow(settings.growth(), k / (double) settings.months()));
        }
    }

    Projection.Line line(String name, BigDecimal dailyRate) {
        List<Projection.Month> months = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int k = 1; k <= settings.months(); k++) {
            YearMonth month = current.plusMonths(k);
            BigDecimal usd = dailyRate.multiply(factors[k]).multiply(BigDecimal.valueOf(month.lengthOfMonth()))
                    .setScale(2, RoundingMode.HALF_EVEN);
            months.add(new Projection.Month(month, usd));
            total = total.add(usd);
        }
        return new Projection.Line(name, dailyRate.setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros(),
                months, total);
    }

    /** Walks the days after {@code asOf} to the horizon's last day, adding the projected rate to the period's spend. */
    Projection.RunOut runOut(Projection.Budget budget, String subject, SpendHistory history) {
        LocalDate periodStart = periodStart(budget, asOf);
        BigDecimal spent = history.spend(subject, periodStart, asOf);
        BigDecimal rate = history.dailyRate(subject);
        LocalDate end = current.plusMonths(settings.months()).atEndOfMonth();
        LocalDate runsOut = null;
        if (spent.compareTo(budget.usd()) >= 0) {
            runsOut = asOf;
        } else if (rate.signum() > 0) {
            BigDecimal inPeriod = spent;
            for (LocalDate d = asOf.plusDays(1); !d.isAfter(end) && runsOut == null; d = d.plusDays(1)) {
                if (periodStart(budget, d).equals(d)) {
                    inPeriod = BigDecimal.ZERO;
                }
                inPeriod = inPeriod.add(rate.multiply(factor(d), MathContext.DECIMAL64));
                runsOut = inPeriod.compareTo(budget.usd()) >= 0 ? d : null;
            }
        }
        return new Projection.RunOut(budget, subject, spent, rate.setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros(),
                runsOut);
    }

    private BigDecimal factor(LocalDate day) {
        int k = (int) current.until(YearMonth.from(day), java.time.temporal.ChronoUnit.MONTHS);
        return factors[k];
    }

    private static LocalDate periodStart(Projection.Budget budget, LocalDate day) {
        return budget.period().start(day.atStartOfDay(ZoneOffset.UTC).toInstant()).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
