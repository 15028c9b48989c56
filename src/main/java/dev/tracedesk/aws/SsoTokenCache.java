package dev.tracedesk.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS CLI v2 SSO token cache: {@code ~/.aws/sso/cache/<sha1>.json}, keyed by the sha1 of the sso-session name (or
 * of the start URL for legacy profiles). The only credential file TraceDesk ever writes.
 */
public final class SsoTokenCache {
    private static final Logger LOG = LoggerFactory.getLogger(SsoTokenCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path directory;

    public SsoTokenCache(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** {@code <dir>/<sha1-hex of key>.json}, the CLI's file name. */
    public Path fileFor(String keySource) {
        return directory.resolve(sha1Hex(keySource) + ".json");
    }

    public static String sha1Hex(String text) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    /** The cached token, or empty when the file is missing or unusable (then a fresh sign-in replaces it). */
    public Optional<SsoToken> read(String keySource) {
        Path file = fileFor(keySource);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            String accessToken = text(node, "accessToken").orElse(null);
            Optional<Instant> expiresAt = text(node, "expiresAt").flatMap(SsoTokenCache::parseTime);
            if (accessToken == null || expiresAt.isEmpty()) {
                LOG.warn("SSO cache file {} has no accessToken/expiresAt; ignoring it", file);
                return Optional.empty();
            }
            return Optional.of(new SsoToken(accessToken, expiresAt.get(), text(node, "refreshToken"),
                    text(node, "clientId"), text(node, "clientSecret"),
                    text(node, "registrationExpiresAt").flatMap(SsoTokenCache::parseTime),
                    text(node, "region").orElse(""), text(node, "startUrl").orElse("")));
        } catch (IOException e) {
            LOG.warn("SSO cache file {} is not readable JSON ({}); ignoring it", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * Writes the token in the CLI's format (owner-only permissions, atomic replace). Fields of an existing file that
     * TraceDesk does not know are kept, so a CLI-written file stays intact apart from the token.
     */
    public void write(String keySource, SsoToken token) {
        Path file = fileFor(keySource);
        try {
            createPrivateDirectories(directory);
            ObjectNode node = JSON.createObjectNode();
            if (Files.isRegularFile(file)) {
                try {
                    JsonNode old = JSON.readTree(file.toFile());
                    if (old instanceof ObjectNode) {
                        node = (ObjectNode) old;
                    }
                } catch (IOException unreadable) {
                    LOG.debug("Replacing unreadable SSO cache file {}", file);
                }
            }
            node.put("startUrl", token.startUrl());
            node.put("region", token.region());
            node.put("accessToken", token.accessToken());
            node.put("expiresAt", formatTime(token.expiresAt()));
            putOrRemove(node, "clientId", token.clientId());
            putOrRemove(node, "clientSecret", token.clientSecret());
            putOrRemove(node, "registrationExpiresAt", token.registrationExpiresAt().map(SsoTokenCache::formatTime));
            putOrRemove(node, "refreshToken", token.refreshToken());
            Path temp = Files.createTempFile(directory, ".tracedesk-", ".tmp");
            try {
                if (POSIX) {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                }
                Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            LOG.info("Cached SSO token for {} (expires {}) in {}", token.startUrl(), token.expiresAt(), file);
        } catch (IOException e) {
            throw new AwsProblemException(AwsProblem.of(ProblemKind.OTHER,
                    "Signed in, but the SSO token could not be saved to " + directory + " (" + e.getMessage()
                            + "); you will have to sign in again next time."), e);
        }
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        if (POSIX) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void putOrRemove(ObjectNode node, String field, Optional<String> value) {
        if (value.isPresent()) {
            node.put(field, value.get());
        } else {
            node.remove(field);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isEmpty() ? Optional.empty()
                : Optional.of(value.asText());
    }

    /** The CLI writes {@code 2026-01-01T00:00:00Z}; older versions wrote {@code ...UTC}; SDKs sometimes an offset. */
    static Optional<Instant> parseTime(String text) {
        String t = text.trim();
        if (t.endsWith("UTC")) {
            t = t.substring(0, t.length() - 3) + "Z";
        }
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException notInstant) {
            try {
                return Optional.of(OffsetDateTime.parse(t).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    static String formatTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
