package dev.arbiter.core.routing.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RadixSortTest {
    @Test
    void sortsExactlyAsArraysSortDoesForEveryWidthTheHasherUses() {
        SplittableRandom random = new SplittableRandom(7);
        for (int bits = 5; bits <= 25; bits++) {
            for (int length : new int[] {0, 1, 2, 3, 255, 256, 257, 2047}) {
                int[] values = random.ints(length, 0, 1 << bits).toArray();
                int[] expected = values.clone();
                Arrays.sort(expected);

                assertThat(RadixSort.sort(values.clone(), bits)).as("bits %d, length %d", bits, length).isEqualTo(expected);
            }
        }
    }

    @Test
    void keepsDuplicatesAndTheExtremesOfTheRange() {
        int[] values = {65535, 0, 7, 7, 65535, 1, 0};

        assertThat(RadixSort.sort(values, 16)).containsExactly(0, 0, 1, 7, 7, 65535, 65535);
    }
}
