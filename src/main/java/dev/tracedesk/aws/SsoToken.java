package dev.tracedesk.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A cached IAM Identity Center access token, as the AWS CLI v2 stores it. Holds secrets: {@link #toString()} prints
 * none of them, and nothing logs the record's fields.
 */
public record SsoToken(String accessToken, Instant expiresAt, Optional<String> refreshToken,
                       Optional<String> clientId, Optional<String> clientSecret,
                       Optional<Instant> registrationExpiresAt, String region, String startUrl) {
    public SsoToken {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(registrationExpiresAt, "registrationExpiresAt");
    }

    /** Usable for at least {@code margin} more. */
    public boolean validFor(Instant now, Duration margin) {
        return expiresAt.isAfter(now.plus(margin));
    }

    /** Has what CreateToken needs for a refresh_token grant, with a client registration still valid. */
    public boolean refreshable(Instant now) {
        return refreshToken.isPresent() && clientId.isPresent() && clientSecret.isPresent()
                && registrationExpiresAt.map(t -> t.isAfter(now)).orElse(false);
    }

    /** The client registration, if still valid for at least {@code margin}, so a new sign-in can skip RegisterClient. */
    public boolean registrationValidFor(Instant now, Duration margin) {
        return clientId.isPresent() && clientSecret.isPresent()
                && registrationExpiresAt.map(t -> t.isAfter(now.plus(margin))).orElse(false);
    }

    @Override
    public String toString() {
        return "SsoToken[startUrl=" + startUrl + ", region=" + region + ", expiresAt=" + expiresAt
                + ", refreshable=" + refreshToken.isPresent() + "]";
    }
}
