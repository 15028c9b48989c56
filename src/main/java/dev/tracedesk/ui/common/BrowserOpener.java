package dev.tracedesk.ui.common;

import java.net.URI;

/** Opens a page in the user's browser (the app passes JavaFX HostServices; tests a recorder). Must not block. */
@FunctionalInterface
public interface BrowserOpener {
    void open(URI uri);
}
