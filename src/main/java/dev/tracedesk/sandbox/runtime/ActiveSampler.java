package dev.tracedesk.sandbox.runtime;

import java.util.Random;
import java.util.function.LongSupplier;

/** Lambda's own sampling in Active mode for requests without a decision: 1 per second, then 5 % (spec §7.1). */
final class ActiveSampler {
    private final LongSupplier millis;
    private final Random random;
    private long second = -1;

    ActiveSampler(LongSupplier millis, Random random) {
        this.millis = millis;
        this.random = random;
    }

    synchronized boolean sample() {
        long s = millis.getAsLong() / 1000;
        if (s != second) {
            second = s;
            return true;
        }
        return random.nextDouble() < 0.05;
    }
}
