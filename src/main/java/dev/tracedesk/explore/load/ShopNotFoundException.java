package dev.tracedesk.explore.load;

/** No shop stack on this connection (not deployed, or not started): the message says what was looked for. */
public final class ShopNotFoundException extends Exception {
    public ShopNotFoundException(String message) {
        super(message);
    }
}
