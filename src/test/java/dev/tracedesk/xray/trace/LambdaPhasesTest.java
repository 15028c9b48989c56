package dev.tracedesk.xray.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.xray.ShopTraces;
import dev.tracedesk.xray.segment.Segment;
import org.junit.jupiter.api.Test;

class LambdaPhasesTest {

    @Test
    void coldStartsAreTheTracesWithAnInitializationPhase() {
        assertThat(LambdaPhases.hasColdStart(ShopTraces.trace(0))).isTrue();
        assertThat(LambdaPhases.hasColdStart(ShopTraces.trace(9))).isTrue();
        for (int k : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12}) {
            assertThat(LambdaPhases.hasColdStart(ShopTraces.trace(k))).as("trace %d", k).isFalse();
        }
    }

    @Test
    void phasesAreRecognisedByName() {
        Segment fn = ShopTraces.trace(0).segments().stream().filter(LambdaPhases::isFunctionSegment)
                .filter(s -> s.name().equals(ShopTraces.ACCEPT)).findFirst().orElseThrow();
        assertThat(fn.subsegments()).extracting(LambdaPhases::phaseOf).containsExactly(
                LambdaPhases.Phase.INITIALIZATION, LambdaPhases.Phase.INVOCATION, LambdaPhases.Phase.OVERHEAD);
        assertThat(LambdaPhases.phaseOf(fn.subsegments().get(1).subsegments().get(0)))
                .isEqualTo(LambdaPhases.Phase.OTHER);
        assertThat(LambdaPhases.isColdStart(ShopTraces.trace(0).root())).isFalse(); // not a function segment
    }
}
