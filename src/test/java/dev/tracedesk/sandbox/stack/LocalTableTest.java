package dev.tracedesk.sandbox.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracedesk.shop.AwsServiceException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTableTest {
    @TempDir
    Path dir;

    @Test
    void conditionalPutWritesOnceAndItemsSurviveARestart() throws Exception {
        try (LocalTable t = new LocalTable(dir)) {
            t.ensureTable("orders", "messageId");
            t.putItem("orders", Map.of("messageId", "m1", "shopId", "s1"), "messageId", "r1");
            assertThatThrownBy(() -> t.putItem("orders", Map.of("messageId", "m1", "shopId", "other"), "messageId", "r2"))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("ConditionalCheckFailedException");
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.requestId()).isEqualTo("r2");
                    });
        }
        try (LocalTable t = new LocalTable(dir)) {
            assertThat(t.getItem("orders", "messageId", "m1", "r")).containsEntry("shopId", "s1");
            assertThat(t.count("orders")).isEqualTo(1);
        }
    }

    @Test
    void aMissingTableIsResourceNotFoundAndAMissingKeyIsAValidationError() throws Exception {
        try (LocalTable t = new LocalTable(dir)) {
            t.ensureTable("orders", "messageId");
            assertThatThrownBy(() -> t.putItem("non-existing-AMIS-unittest-shop", Map.of("messageId", "m"), null, "r"))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException"));
            assertThatThrownBy(() -> t.putItem("orders", Map.of("shopId", "s"), null, "r"))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.errorCode()).isEqualTo("ValidationException"));
        }
    }
}
