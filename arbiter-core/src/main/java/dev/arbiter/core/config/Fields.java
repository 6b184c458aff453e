package dev.arbiter.core.config;

import java.util.Map;
import java.util.Optional;

/** The checked entries of one YAML mapping: required keys fail with the mapping's position, optional ones may be absent or null. */
final class Fields {
    private final Cursor owner;
    private final Map<String, Cursor> entries;

    Fields(Cursor owner, Map<String, Cursor> entries) {
        this.owner = owner;
        this.entries = entries;
    }

    Cursor owner() {
        return owner;
    }

    /** The value of a key that must be present and not null. */
    Cursor required(String key) {
        Cursor value = entries.get(key);
        if (value == null) {
            throw owner.missing(key);
        }
        if (value.isNull()) {
            throw value.error("required value is empty");
        }
        return value;
    }

    /** The value of a key, empty when absent or YAML null. */
    Optional<Cursor> optional(String key) {
        Cursor value = entries.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }
}
