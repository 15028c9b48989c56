package dev.tracedesk.explore.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracedesk.aws.AwsProblemException;
import dev.tracedesk.aws.ProblemKind;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;

class StackActionsTest {
    private final List<Duration> sleeps = new ArrayList<>();

    private static GetFunctionConfigurationResponse config(String status, String mode) {
        return GetFunctionConfigurationResponse.builder().functionName("AMIS_shop_accept").runtime("java17")
                .memorySize(256).timeout(10).role("arn:aws:iam::1:role/r").lastUpdateStatus(status)
                .lastUpdateStatusReason("Failed".equals(status) ? "The role cannot be assumed by Lambda." : null)
                .tracingConfig(t -> t.mode(mode)).build();
    }

    @Test
    void waitsWhileTheUpdateIsInProgressBackingOffAndReturnsTheStateReadBack() {
        Deque<GetFunctionConfigurationResponse> reads = new ArrayDeque<>(List.of(config("InProgress", "PassThrough"),
                config("InProgress", "Active"), config("InProgress", "Active"), config("InProgress", "Active"),
                config("Successful", "Active")));
        StackFunction after = StackActions.awaitUpdated("AMIS_shop_accept", reads::poll, sleeps::add, Duration.ofMinutes(1));
        assertThat(after.tracing()).isEqualTo(TracingMode.ACTIVE);
        assertThat(after.lastUpdateStatus()).hasValue("Successful");
        assertThat(sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2));
    }

    @Test
    void aFailedUpdateIsAProblemWithLambdasReason() {
        assertThatThrownBy(() -> StackActions.awaitUpdated("AMIS_shop_accept", () -> config("Failed", "Active"),
                sleeps::add, Duration.ofMinutes(1))).isInstanceOfSatisfying(AwsProblemException.class, e ->
                assertThat(e.getMessage()).isEqualTo("The last update of AMIS_shop_accept failed: The role cannot be "
                        + "assumed by Lambda. Fix the cause and change the setting again."));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void anUpdateThatNeverFinishesIsReportedNotWaitedForForever() {
        assertThatThrownBy(() -> StackActions.awaitUpdated("AMIS_shop_accept", () -> config("InProgress", "Active"),
                sleeps::add, Duration.ZERO)).isInstanceOfSatisfying(AwsProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.OTHER);
                    assertThat(e.getMessage()).contains("still in progress");
                });
    }

    @Test
    void aMissingStatusOrModeReadsAsDoneAndPassThrough() {
        StackFunction f = StackActions.awaitUpdated("fn", () -> GetFunctionConfigurationResponse.builder()
                .functionName("fn").build(), sleeps::add, Duration.ofMinutes(1));
        assertThat(f.tracing()).isEqualTo(TracingMode.PASS_THROUGH);
        assertThat(f.lastUpdateStatus()).isEmpty();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void tracingWordsAndScopesAreChecked() {
        assertThat(TracingMode.parse("on")).isEqualTo(TracingMode.ACTIVE);
        assertThat(TracingMode.parse("PassThrough")).isEqualTo(TracingMode.PASS_THROUGH);
        assertThatThrownBy(() -> TracingMode.parse("maybe")).hasMessageContaining("on or off");
        assertThat(TracingMode.fromApi(null)).isEqualTo(TracingMode.PASS_THROUGH);
        assertThat(StackScope.ofNamePrefix("AMIS_").matchesName("AMIS_shop_accept")).isTrue();
        assertThat(StackScope.ofNamePrefix("AMIS_").matchesName("AMISX_shop_accept")).isFalse();
        assertThatThrownBy(() -> StackScope.ofStack(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeployRequest.of("bad prefix", true)).hasMessageContaining("prefix");
        assertThat(DeployRequest.of("AMIS", true).stackName()).isEqualTo("tracedesk-shop-AMIS");
        assertThat(new RestStage("a1", "AMIS_api_gateway", "prod", true, "").serviceName()).isEqualTo("AMIS_api_gateway/prod");
    }
}
