package dev.tracedesk.aws;

/** The GUI side of an IAM Identity Center device sign-in. Called on the sign-in thread, not the FX thread. */
public interface SsoLoginPrompt {
    /** Show the user code and the verification URL (and a cancel button wired to the {@link CancelToken}). */
    void showUserCode(DeviceAuthorization authorization);

    /** Open the system browser on the verification page; must not block. */
    void openBrowser(DeviceAuthorization authorization);

    /** The sign-in finished (successfully or not): hide the code. */
    default void finished() {
    }
}
