package dev.arbiter.core.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A model's price changes over time: each change gives the price in force from its instant (UTC) on, until the
 * next one; before the first change the model's base price applies. Changes are strictly increasing in time.
 */
public record PriceSchedule(List<Change> changes) {
    /** No changes: the base price always applies. */
    public static final PriceSchedule NONE = new PriceSchedule(List.of());

    public PriceSchedule {
        changes = List.copyOf(changes);
        for (int i = 1; i < changes.size(); i++) {
            if (!changes.get(i - 1).from().isBefore(changes.get(i).from())) {
                throw new IllegalArgumentException("price changes must be in strictly increasing time order, got "
                        + changes.get(i).from() + " after " + changes.get(i - 1).from());
            }
        }
    }

    /** One change: from this instant on, this price. */
    public record Change(Instant from, Price price) {
        public Change {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(price, "price");
        }
    }

    /** The price in force at {@code at}: the latest change that started at or before it, else {@code base}. */
    public Price at(Instant at, Price base) {
        Price inForce = base;
        for (Change change : changes) { // a handful of entries at most: a scan beats a search
            if (change.from().isAfter(at)) {
                break;
            }
            inForce = change.price();
        }
        return inForce;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
