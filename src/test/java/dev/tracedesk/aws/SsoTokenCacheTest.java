package dev.tracedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SsoTokenCacheTest {
    @TempDir
    Path dir;

    @Test
    void fileNamesAreTheSha1TheAwsCliUses() {
        SsoTokenCache cache = new SsoTokenCache(dir);

        assertThat(cache.fileFor("my-sso").getFileName().toString())
                .isEqualTo("0ad374308c5a4e22f723adf10145eafad7c4031c.json");
        assertThat(cache.fileFor("https://my-sso-portal.awsapps.com/start").getFileName().toString())
                .isEqualTo("c7aaaf71fcc8777ae2475525ed049d39fe16c484.json");
    }

    @Test
    void readsAFileWrittenByTheAwsCli() throws IOException {
        Files.writeString(dir.resolve("0ad374308c5a4e22f723adf10145eafad7c4031c.json"), "{\n"
                + "  \"startUrl\": \"https://my-sso-portal.awsapps.com/start\",\n"
                + "  \"region\": \"us-east-1\",\n"
                + "  \"accessToken\": \"eyJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiRElSIn0\",\n"
                + "  \"expiresAt\": \"2026-11-28T10:15:00Z\",\n"
                + "  \"clientId\": \"cid\",\n"
                + "  \"clientSecret\": \"csecret\",\n"
                + "  \"registrationExpiresAt\": \"2027-02-26T09:15:00Z\",\n"
                + "  \"refreshToken\": \"rtoken\"\n"
                + "}\n");

        SsoToken token = new SsoTokenCache(dir).read("my-sso").orElseThrow();

        assertThat(token.accessToken()).isEqualTo("eyJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiRElSIn0");
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-11-28T10:15:00Z"));
        assertThat(token.refreshToken()).contains("rtoken");
        assertThat(token.registrationExpiresAt()).contains(Instant.parse("2027-02-26T09:15:00Z"));
        assertThat(token.refreshable(Instant.parse("2026-12-01T00:00:00Z"))).isTrue();
        assertThat(token.refreshable(Instant.parse("2027-03-01T00:00:00Z"))).isFalse();
        assertThat(token.toString()).doesNotContain("eyJ", "csecret", "rtoken");
    }

    @Test
    void acceptsOlderTimeFormats() {
        assertThat(SsoTokenCache.parseTime("2019-11-14T04:05:45UTC")).contains(Instant.parse("2019-11-14T04:05:45Z"));
        assertThat(SsoTokenCache.parseTime("2019-11-14T04:05:45+00:00"))
                .contains(Instant.parse("2019-11-14T04:05:45Z"));
        assertThat(SsoTokenCache.parseTime("yesterday")).isEmpty();
    }

    @Test
    void unusableFilesCountAsNoToken() throws IOException {
        SsoTokenCache cache = new SsoTokenCache(dir);
        Files.writeString(cache.fileFor("broken"), "{not json");
        Files.writeString(cache.fileFor("partial"), "{\"accessToken\":\"x\"}");

        assertThat(cache.read("broken")).isEmpty();
        assertThat(cache.read("partial")).isEmpty();
        assertThat(cache.read("absent")).isEmpty();
    }

    @Test
    void writingKeepsFieldsItDoesNotKnowAndDropsStaleOnes() throws IOException {
        SsoTokenCache cache = new SsoTokenCache(dir.resolve("nested/cache"));
        Files.createDirectories(cache.directory());
        Files.writeString(cache.fileFor("s"), "{\"accessToken\":\"old\",\"expiresAt\":\"2020-01-01T00:00:00Z\","
                + "\"refreshToken\":\"old-refresh\",\"futureField\":42}");

        Instant expires = Instant.parse("2026-11-28T12:00:00.789Z");
        cache.write("s", new SsoToken("new", expires, Optional.empty(), Optional.of("c"), Optional.of("cs"),
                Optional.empty(), "eu-west-1", "https://x.awsapps.com/start"));

        JsonNode json = new ObjectMapper().readTree(cache.fileFor("s").toFile());
        assertThat(json.path("accessToken").asText()).isEqualTo("new");
        assertThat(json.path("expiresAt").asText()).isEqualTo("2026-11-28T12:00:00Z");
        assertThat(json.path("futureField").asInt()).isEqualTo(42);
        assertThat(json.has("refreshToken")).isFalse();
        assertThat(cache.read("s").orElseThrow().validFor(expires.minus(Duration.ofMinutes(2)), Duration.ofMinutes(1)))
                .isTrue();
        try (var files = Files.list(cache.directory())) {
            assertThat(files).singleElement(); // no temp files left behind
        }
    }
}
