package dev.tracedesk.explore.access;

import java.util.Optional;

/** Asks the user for a one-time MFA code when an assume-role profile has {@code mfa_serial}. The GUI shows a dialog. */
@FunctionalInterface
public interface MfaPrompt {
    /**
     * Called on the sign-in thread (not the FX thread); may block until the user answers.
     *
     * @param profileName the profile whose role needs MFA
     * @param mfaSerial   the device ARN or serial from {@code mfa_serial}
     * @return the code, or empty if the user cancelled
     */
    Optional<String> mfaCode(String profileName, String mfaSerial);
}
