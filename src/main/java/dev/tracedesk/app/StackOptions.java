package dev.tracedesk.app;

import dev.tracedesk.sandbox.Sandbox;
import java.nio.file.Path;

/**
 * How the window's Stack screen finds the local shop and what it does on a first start.
 *
 * @param sandboxDataDir the local sandbox's data directory, where its shop stack writes {@code shop.json}
 * @param firstStartSmoke on a sandbox whose store is empty, run a short smoke test at start so the map has
 *                        something to show, and say so in a notice (the app: on; tests: only when they ask)
 */
public record StackOptions(Path sandboxDataDir, boolean firstStartSmoke) {

    /** The default sandbox directory, no first-start run. */
    public static StackOptions defaults() {
        return new StackOptions(Sandbox.defaultDataDir(), false);
    }

    public StackOptions withFirstStartSmoke(boolean on) {
        return new StackOptions(sandboxDataDir, on);
    }
}
