package dev.tracedesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracedesk.aws.SandboxConnection;
import dev.tracedesk.explore.Session;
import dev.tracedesk.explore.load.ShopNotFoundException;
import dev.tracedesk.sandbox.stack.ShopStack;
import dev.tracedesk.shop.ShopStackDefinition;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the sandbox's shop stack through the {@code shop.json} it writes into its data directory (invoke URL, payload
 * key, prefix), as the {@code shop} commands do. It must belong to the sandbox the session talks to: its recorded
 * endpoint is checked against the session's.
 */
public final class SandboxShopLocator implements ShopLoadTests.Locator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dataDir;

    public SandboxShopLocator(Path dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public ShopLoadTests.Location locate(Session session) throws ShopNotFoundException {
        if (!(session.connection() instanceof SandboxConnection sandbox)) {
            throw new ShopNotFoundException("Not a sandbox connection");
        }
        Path file = dataDir.resolve(ShopStack.STATE_FILE);
        if (!Files.isRegularFile(file)) {
            throw new ShopNotFoundException("The local sandbox runs no shop stack (no " + file + ")");
        }
        JsonNode state;
        try {
            state = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ShopNotFoundException("Cannot read " + file + ": " + e.getMessage());
        }
        String invokeUrl = state.path("invokeUrl").asText(null);
        String endpoint = state.path("sandboxEndpoint").asText(null);
        if (invokeUrl == null || endpoint == null) {
            throw new ShopNotFoundException(file + " names no invoke URL");
        }
        if (URI.create(endpoint).getPort() != sandbox.endpoint().getPort()) {
            throw new ShopNotFoundException("The shop stack in " + dataDir + " belongs to the sandbox on " + endpoint
                    + ", not to the one this window talks to (" + sandbox.endpoint() + ")");
        }
        ShopStackDefinition def = ShopStackDefinition.local(
                state.path("prefix").asText(ShopStackDefinition.DEFAULT_PREFIX));
        return new ShopLoadTests.Location(invokeUrl, state.path("key").asText(null), def.functionNames());
    }
}
