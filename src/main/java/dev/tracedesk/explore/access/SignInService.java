package dev.tracedesk.explore.access;

import dev.tracedesk.aws.AwsClients;
import dev.tracedesk.aws.AwsErrors;
import dev.tracedesk.aws.CallerIdentity;
import dev.tracedesk.aws.Connection;
import dev.tracedesk.aws.DeviceAuthorization;
import dev.tracedesk.aws.MfaCodeProvider;
import dev.tracedesk.aws.RecentConnections;
import dev.tracedesk.aws.SignIn;
import dev.tracedesk.aws.SsoLoginPrompt;
import dev.tracedesk.aws.XRayRegions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the sign-in screen asks for: the profiles, the regions, the recent connections, and signing in (SSO device
 * flow through an {@link SsoPrompt}, MFA through an {@link MfaPrompt}, cancel through a {@link Cancellation}). A
 * sign-in proves itself (credentials resolved, STS GetCallerIdentity read with throwaway clients) before anything
 * uses it. Blocking methods run off the FX thread; failures are thrown as {@link SignInException} with a
 * {@link Problem} that says what to do.
 */
public final class SignInService {
    private static final Logger LOG = LoggerFactory.getLogger(SignInService.class);
    private final SignIn signIn;
    private final RecentConnections recents;

    public SignInService(SignIn signIn, RecentConnections recents) {
        this.signIn = Objects.requireNonNull(signIn);
        this.recents = Objects.requireNonNull(recents);
    }

    /** Reads the AWS config files now (small local files; call again to see edits). */
    public Profiles profiles() {
        return new Profiles(signIn.profiles());
    }

    /** The X-Ray regions (from the SDK's endpoint metadata), for the picker. */
    public List<RegionOption> regions() {
        return XRayRegions.all().stream().map(r -> new RegionOption(r.id(), r.description())).toList();
    }

    /** Recently used connections, newest first. */
    public List<RecentConnection> recentConnections() {
        return recents.list().stream().map(e -> new RecentConnection(e.profile(), e.region(), e.lastUsed())).toList();
    }

    /** Remembers a connection as the most recent one. */
    public void remember(SignedInConnection connection) {
        recents.remember(connection.connection());
    }

    /** The built-in local X-Ray on {@code 127.0.0.1:port} (nothing to prove: it has no credentials). */
    public SignedInConnection sandbox(int port) {
        return new SignedInConnection(signIn.sandbox(port), Optional.empty());
    }

    /**
     * Signs in with a profile and proves the connection with GetCallerIdentity. Blocks (network, browser approval,
     * MFA prompt).
     *
     * @param region   the region picked by the user; empty means AWS_REGION, else the profile's region
     * @param forceSso run the IAM Identity Center browser sign-in even when a token is cached ("sign in again")
     * @throws SignInException with the problem (MISSING_REGION, SSO_TOKEN_EXPIRED, CANCELLED, ...)
     */
    public SignedInConnection signIn(String profile, Optional<String> region, boolean forceSso, SsoPrompt sso,
                                     MfaPrompt mfa, Cancellation cancel) {
        try {
            SsoLoginPrompt prompt = sso == null ? null : adapt(sso);
            MfaCodeProvider codes = mfa == null ? MfaCodeProvider.none() : mfa::mfaCode;
            if (forceSso) {
                signIn.ssoSignIn(profile, prompt, cancel.token);
            }
            Connection connection = signIn.connect(profile, region, prompt, codes, cancel.token);
            try {
                CallerIdentity caller;
                // A throwaway client set proves the connection before any session switches to it.
                try (AwsClients probe = new AwsClients(connection)) {
                    caller = probe.callerIdentity();
                }
                cancel.token.check();
                LOG.info("Connected to {} as account {}", connection.label(), caller.account());
                return new SignedInConnection(connection,
                        Optional.of(new Identity(caller.account(), caller.arn(), caller.userId())));
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (RuntimeException e) {
            throw new SignInException(Problems.of(AwsErrors.translate(e)), e);
        }
    }

    private static SsoLoginPrompt adapt(SsoPrompt sso) {
        return new SsoLoginPrompt() {
            @Override
            public void showUserCode(DeviceAuthorization authorization) {
                sso.showUserCode(code(authorization));
            }

            @Override
            public void openBrowser(DeviceAuthorization authorization) {
                sso.openBrowser(code(authorization));
            }

            @Override
            public void finished() {
                sso.finished();
            }
        };
    }

    private static DeviceCode code(DeviceAuthorization authorization) {
        return new DeviceCode(authorization.userCode(), authorization.browserUri());
    }
}
