package dev.tracedesk.aws;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections used lately (profile + region, never secrets), newest first, in
 * {@code <configDir>/recent-connections.json}. A damaged file is treated as empty and replaced on the next save.
 */
public final class RecentConnections {
    private static final Logger LOG = LoggerFactory.getLogger(RecentConnections.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    static final String FILE_NAME = "recent-connections.json";
    public static final int MAX_ENTRIES = 10;

    /** One remembered connection; {@code profile} is {@link ProfileInfo#SANDBOX_NAME} for the sandbox. */
    public record Entry(String profile, String region, Instant lastUsed) {
        @JsonCreator
        public Entry(@JsonProperty("profile") String profile, @JsonProperty("region") String region,
                     @JsonProperty("lastUsed") Instant lastUsed) {
            this.profile = Objects.requireNonNull(profile, "profile");
            this.region = Objects.requireNonNull(region, "region");
            this.lastUsed = lastUsed == null ? Instant.EPOCH : lastUsed;
        }

        boolean sameTarget(Entry other) {
            return profile.equals(other.profile) && region.equals(other.region);
        }
    }

    private record FileContent(@JsonProperty("connections") List<StoredEntry> connections) {
    }

    /** The on-disk form: times as ISO strings, so the module needs no Jackson JSR-310 add-on. */
    private record StoredEntry(@JsonProperty("profile") String profile, @JsonProperty("region") String region,
                               @JsonProperty("lastUsed") String lastUsed) {
    }

    private final Path file;
    private final Clock clock;

    public RecentConnections(Path configDir) {
        this(configDir, Clock.systemUTC());
    }

    RecentConnections(Path configDir, Clock clock) {
        this.file = configDir.resolve(FILE_NAME);
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** Newest first. */
    public synchronized List<Entry> list() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            FileContent content = JSON.readValue(file.toFile(), FileContent.class);
            List<Entry> entries = new ArrayList<>();
            if (content != null && content.connections() != null) {
                for (StoredEntry stored : content.connections()) {
                    if (stored != null && stored.profile() != null && !stored.profile().isBlank()
                            && stored.region() != null) {
                        entries.add(new Entry(stored.profile(), stored.region(), parse(stored.lastUsed())));
                    }
                }
            }
            entries.sort((a, b) -> b.lastUsed().compareTo(a.lastUsed()));
            return List.copyOf(entries);
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable {} ({})", file, e.getClass().getSimpleName());
            return List.of();
        }
    }

    /** Moves (or adds) this profile + region to the top, keeping at most {@link #MAX_ENTRIES}. */
    public synchronized List<Entry> remember(String profile, String region) {
        Entry entry = new Entry(profile, region, clock.instant());
        List<Entry> entries = new ArrayList<>();
        entries.add(entry);
        for (Entry old : list()) {
            if (!old.sameTarget(entry) && entries.size() < MAX_ENTRIES) {
                entries.add(old);
            }
        }
        save(entries);
        return List.copyOf(entries);
    }

    /** Remembers a connection by its profile name and region (sandbox included). */
    public List<Entry> remember(Connection connection) {
        return remember(connection.name(), connection.region().id());
    }

    public synchronized void forget(String profile, String region) {
        List<Entry> entries = new ArrayList<>(list());
        entries.removeIf(e -> e.profile().equals(profile) && e.region().equals(region));
        save(entries);
    }

    private void save(List<Entry> entries) {
        List<StoredEntry> stored = new ArrayList<>();
        for (Entry e : entries) {
            stored.add(new StoredEntry(e.profile(), e.region(), e.lastUsed().toString()));
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".recent-", ".tmp");
            try {
                Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new FileContent(stored)));
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            // Losing the recent list is an inconvenience, not a reason to fail a sign-in.
            LOG.warn("Could not save recent connections to {}: {}", file, e.toString());
        }
    }

    private static Instant parse(String text) {
        if (text == null) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }
}
