package dev.tracedesk.explore.access;

import dev.tracedesk.aws.CancelToken;

/** Lets the GUI stop a sign-in at any step (waiting for the browser, the MFA code, the network). */
public final class Cancellation {
    final CancelToken token = new CancelToken();

    public void cancel() {
        token.cancel();
    }

    public boolean isCancelled() {
        return token.isCancelled();
    }
}
