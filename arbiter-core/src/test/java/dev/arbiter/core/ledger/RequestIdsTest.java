package dev.arbiter.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Request ids are UUIDv7: version 7, RFC variant, the millisecond on top, strictly increasing in one process. */
class RequestIdsTest {
    private static final Instant AT = Instant.parse("2026-03-10T12:00:00.123Z");

    @Test
    void isAVersion7UuidCarryingTheUnixMillisecond() {
        UUID id = new RequestIds(InstantSource.fixed(AT)).nextId();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(AT.toEpochMilli());
    }

    @Test
    void idsMadeInTheSameMillisecondStillSortInCreationOrderAndNeverRepeat() {
        RequestIds ids = new RequestIds(InstantSource.fixed(AT));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) { // more than the 4096 a millisecond's counter holds
            made.add(ids.nextId().toString());
        }

        assertThat(made).isSorted();
        assertThat(new HashSet<>(made)).hasSize(made.size());
    }

    @Test
    void theStaticGeneratorMakesParseableIds() {
        assertThat(UUID.fromString(RequestIds.next()).version()).isEqualTo(7);
    }
}
