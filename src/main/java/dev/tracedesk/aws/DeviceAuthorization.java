package dev.tracedesk.aws;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * What the user needs to approve an IAM Identity Center sign-in in the browser.
 *
 * @param verificationUriComplete the URL with the code filled in, when the service gives one (open this one)
 */
public record DeviceAuthorization(String userCode, URI verificationUri, Optional<URI> verificationUriComplete,
                                  Instant expiresAt, String startUrl) {
    /** The page to open in the browser. */
    public URI browserUri() {
        return verificationUriComplete.orElse(verificationUri);
    }
}
