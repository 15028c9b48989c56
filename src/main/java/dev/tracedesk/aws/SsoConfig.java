package dev.tracedesk.aws;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.profiles.Profile;

/**
 * The IAM Identity Center settings of one profile: from its {@code [sso-session NAME]} section, or (legacy) from the
 * profile itself.
 *
 * @param sessionName the sso-session name; empty for a legacy profile (which then gets no refresh token)
 */
public record SsoConfig(Optional<String> sessionName, String startUrl, String ssoRegion, String accountId,
                        String roleName, List<String> registrationScopes) {
    static final String DEFAULT_SCOPE = "sso:account:access";

    /** The name of the CLI cache file key: the session name, or the start URL for legacy profiles. */
    public String cacheKeySource() {
        return sessionName.orElse(startUrl);
    }

    static SsoConfig from(ProfileCatalog catalog, Profile profile) {
        Optional<String> session = profile.property("sso_session");
        if (session.isPresent()) {
            Profile section = catalog.ssoSession(session.get()).orElseThrow(() -> invalid(profile.name(),
                    "refers to sso_session '" + session.get() + "', but there is no [sso-session " + session.get()
                            + "] section"));
            List<String> scopes = section.property("sso_registration_scopes")
                    .map(s -> Stream.of(s.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                            .collect(Collectors.toList()))
                    .filter(l -> !l.isEmpty())
                    .orElse(List.of(DEFAULT_SCOPE));
            return new SsoConfig(session,
                    required(section, "sso_start_url", "[sso-session " + session.get() + "]"),
                    required(section, "sso_region", "[sso-session " + session.get() + "]"),
                    required(profile, "sso_account_id", "profile " + profile.name()),
                    required(profile, "sso_role_name", "profile " + profile.name()),
                    scopes);
        }
        String where = "profile " + profile.name();
        return new SsoConfig(Optional.empty(), required(profile, "sso_start_url", where),
                required(profile, "sso_region", where), required(profile, "sso_account_id", where),
                required(profile, "sso_role_name", where), List.of());
    }

    private static String required(Profile section, String key, String where) {
        return section.property(key).filter(v -> !v.isBlank()).orElseThrow(() -> new AwsProblemException(
                AwsProblem.of(ProblemKind.INVALID_PROFILE, "The AWS config " + where + " has no '" + key
                        + "'. Add it (or run 'aws configure sso').")));
    }

    private static AwsProblemException invalid(String profile, String what) {
        return new AwsProblemException(AwsProblem.of(ProblemKind.INVALID_PROFILE,
                "Profile '" + profile + "' " + what + ". Fix the AWS config file (or run 'aws configure sso')."));
    }
}
