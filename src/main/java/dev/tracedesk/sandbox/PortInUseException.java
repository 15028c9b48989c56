package dev.tracedesk.sandbox;

import java.io.IOException;

/** The requested sandbox port is taken (UDP or TCP). */
public final class PortInUseException extends IOException {
    public PortInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
