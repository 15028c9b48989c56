package dev.tracedesk.app;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link Settings} as JSON. A missing file means defaults; a corrupt one is kept aside as
 * {@code settings.json.corrupt} (so nothing is lost) and defaults are used. Writes go to a temporary file first and
 * are moved into place, so a crash mid-write cannot corrupt the file.
 */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

    public SettingsStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Settings settings = json.readValue(bytes, Settings.class);
            if (settings == null) {
                throw new IOException("the file holds JSON null");
            }
            return settings.sanitized();
        } catch (NoSuchFileException e) {
            return Settings.defaults();
        } catch (JacksonException e) {
            keepCorruptCopy(e);
            return Settings.defaults();
        } catch (IOException e) {
            LOG.warn("Cannot read settings {}; using defaults", file, e);
            return Settings.defaults();
        }
    }

    public void save(Settings settings) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        json.writeValue(tmp.toFile(), settings);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void keepCorruptCopy(Exception cause) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
        try {
            Files.copy(file, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("Settings file {} is not valid ({}); kept it as {} and started with defaults", file,
                    firstLine(cause.getMessage()), aside);
        } catch (IOException e) {
            LOG.warn("Settings file {} is not valid; started with defaults", file, cause);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
