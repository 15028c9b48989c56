package dev.tracedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentConnectionsTest {
    @TempDir
    Path configDir;
    private final AtomicLong now = new AtomicLong(1_800_000_000L);

    private RecentConnections recents() {
        Clock ticking = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochSecond(now.incrementAndGet());
            }
        };
        return new RecentConnections(configDir, ticking);
    }

    @Test
    void remembersNewestFirstWithoutDuplicatesAcrossRuns() {
        recents().remember("dev", "eu-west-1");
        recents().remember("prod", "us-east-1");
        recents().remember(SandboxConnection.onLocalPort(2000));
        recents().remember("dev", "eu-west-1");

        assertThat(recents().list()).extracting(RecentConnections.Entry::profile, RecentConnections.Entry::region)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dev", "eu-west-1"),
                        org.assertj.core.groups.Tuple.tuple(ProfileInfo.SANDBOX_NAME, "us-east-1"),
                        org.assertj.core.groups.Tuple.tuple("prod", "us-east-1"));
    }

    @Test
    void sameProfileInAnotherRegionIsASeparateEntryAndForgetRemovesOne() {
        RecentConnections recents = recents();
        recents.remember("dev", "eu-west-1");
        recents.remember("dev", "us-west-2");
        recents.forget("dev", "eu-west-1");

        assertThat(recents.list()).extracting(RecentConnections.Entry::region).containsExactly("us-west-2");
    }

    @Test
    void keepsAtMostTenEntries() {
        RecentConnections recents = recents();
        for (int i = 0; i < 15; i++) {
            recents.remember("p" + i, "eu-west-1");
        }
        assertThat(recents.list()).hasSize(RecentConnections.MAX_ENTRIES).first()
                .extracting(RecentConnections.Entry::profile).isEqualTo("p14");
    }

    @Test
    void theFileHoldsOnlyProfileRegionAndTime() throws IOException {
        recents().remember("dev", "eu-west-1");

        String json = Files.readString(configDir.resolve(RecentConnections.FILE_NAME));
        assertThat(json).contains("\"profile\"", "\"dev\"", "\"region\"", "\"lastUsed\"")
                .doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("token");
    }

    @Test
    void aDamagedFileIsTreatedAsEmptyAndReplaced() throws IOException {
        Files.writeString(configDir.resolve(RecentConnections.FILE_NAME), "[[[ not json");
        assertThat(recents().list()).isEmpty();

        recents().remember("dev", "eu-west-1");
        assertThat(recents().list()).hasSize(1);
    }

    @Test
    void aMissingConfigDirIsCreated() {
        RecentConnections recents = new RecentConnections(configDir.resolve("a/b"));
        recents.remember("dev", "eu-west-1");

        assertThat(recents.file()).exists();
        assertThat(recents.list()).hasSize(1);
    }
}
