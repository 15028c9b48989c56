package dev.tracedesk.explore.access;

/** The GUI side of an IAM Identity Center device sign-in. Called on the sign-in thread, not the FX thread. */
public interface SsoPrompt {
    /** Show the user code and the verification URL (and a cancel button wired to the {@link Cancellation}). */
    void showUserCode(DeviceCode code);

    /** Open the system browser on the verification page; must not block. */
    void openBrowser(DeviceCode code);

    /** The sign-in finished (successfully or not): hide the code. */
    default void finished() {
    }
}
